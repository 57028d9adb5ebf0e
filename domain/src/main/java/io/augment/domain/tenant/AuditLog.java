package io.augment.domain.tenant;

import java.util.List;
import java.util.Optional;

/**
 * An append-only log of writes, deletes and admin actions. Durable when {@link #append} returns;
 * sequences increase in append order. Contract suite: {@code AuditLogContract}.
 */
public interface AuditLog {

  /** Stores the entry and answers it with its sequence. */
  AuditEntry append(AuditEntry entry);

  /**
   * Up to {@code limit} entries with a sequence above {@code afterSequence}, oldest first; only
   * {@code tenant}'s when present.
   */
  List<AuditEntry> list(Optional<TenantId> tenant, long afterSequence, int limit);
}
