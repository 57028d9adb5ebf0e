package io.augment.application.tenant;

import io.augment.domain.model.PermissionDeniedException;
import io.augment.domain.tenant.Scope;
import io.augment.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Who is calling: a tenant, the scope of the key it presented and that key's prefix (for the audit
 * log). {@link #IMPLICIT} is the caller when authentication is off.
 */
public record Principal(TenantId tenant, Scope scope, String keyPrefix) {
  public static final Principal IMPLICIT = new Principal(TenantId.DEFAULT, Scope.ADMIN, "implicit");

  public Principal {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  /** @throws PermissionDeniedException unless this key's scope allows {@code needed} */
  public void require(Scope needed) {
    if (!scope.allows(needed)) {
      throw new PermissionDeniedException("this API key has scope '" + scope.wire() + "'; the operation needs '"
          + needed.wire() + "'");
    }
  }

  /** An admin of the operator's tenant: may manage every tenant and read the whole audit log. */
  public boolean operator() {
    return tenant.isDefault() && scope == Scope.ADMIN;
  }

  /** @throws PermissionDeniedException unless {@link #operator()} */
  public void requireOperator() {
    require(Scope.ADMIN);
    if (!operator()) {
      throw new PermissionDeniedException("managing tenants needs an admin key of the operator's tenant 'default'");
    }
  }
}
