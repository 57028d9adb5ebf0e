package io.augment.application.tenant;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.tenant.AuditEntry;
import io.augment.domain.tenant.AuditLog;
import io.augment.domain.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Records who did what, and lets admins read it: the operator all of it, a tenant's admin its own. */
public final class AuditTrail {
  public static final int MAX_PAGE = 1000;

  private final AuditLog log;
  private final Clock clock;

  public AuditTrail(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** The entry for a call that finished now, not stored yet (see {@link #recordAll}). */
  public AuditEntry entry(Principal caller, String protocol, String action, String resource, int outcome) {
    return new AuditEntry(0, clock.instant(), caller.tenant(), caller.keyPrefix(), protocol, action, resource, outcome);
  }

  /** Stores entries made by {@link #entry}, in their order, in one write where the log allows. */
  public List<AuditEntry> recordAll(List<AuditEntry> entries) {
    return log.appendAll(entries);
  }

  /** @param tenant the operator may name one tenant or none (all); others always read their own */
  public List<AuditEntry> list(Principal caller, Optional<String> tenant, long afterSequence, int limit) {
    caller.require(io.augment.domain.tenant.Scope.ADMIN);
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException("limit", "must be 1 to " + MAX_PAGE);
    }
    if (afterSequence < 0) {
      throw new InvalidInputException("after", "must be 0 or more");
    }
    Optional<TenantId> filter = tenant.filter(t -> !t.isBlank()).map(t -> TenantId.parse("tenant", t));
    if (!caller.operator()) {
      if (filter.isPresent() && !filter.get().equals(caller.tenant())) {
        return List.of();
      }
      filter = Optional.of(caller.tenant());
    }
    return log.list(filter, afterSequence, limit);
  }
}
