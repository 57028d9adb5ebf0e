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
   * Stores the entries in their order and answers them with their sequences; a store with
   * transactions writes them in one (a writer draining a queue pays one commit per batch). Durable
   * when it returns.
   */
  default List<AuditEntry> appendAll(List<AuditEntry> entries) {
    return entries.stream().map(this::append).toList();
  }

  /**
   * Up to {@code limit} entries with a sequence above {@code afterSequence}, oldest first; only
   * {@code tenant}'s when present.
   */
  List<AuditEntry> list(Optional<TenantId> tenant, long afterSequence, int limit);
}
