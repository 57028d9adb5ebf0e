package io.augment.domain.tenant;

import io.augment.domain.model.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/** A team sharing the server: it owns its knowledge bases, documents, jobs, evaluations and trained models. */
public record Tenant(TenantId id, String displayName, Quotas quotas, Instant createdAt) {
  public static final int MAX_DISPLAY_NAME = 200;

  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    quotas = quotas == null ? Quotas.UNLIMITED : quotas;
    displayName = displayName == null || displayName.isBlank() ? id.value() : displayName;
    if (displayName.length() > MAX_DISPLAY_NAME) {
      throw new InvalidInputException("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters");
    }
  }

  public Tenant withQuotas(Quotas quotas) {
    return new Tenant(id, displayName, quotas, createdAt);
  }
}
