package io.augment.adapter.out.memory;

import io.augment.domain.tenant.AuditEntry;
import io.augment.domain.tenant.AuditLog;
import io.augment.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit log in memory, the newest {@value #RETAINED} entries. */
public final class InMemoryAuditLog implements AuditLog {
  static final int RETAINED = 100_000;
  private final List<AuditEntry> entries = new ArrayList<>();
  private long sequence;

  @Override
  public synchronized AuditEntry append(AuditEntry entry) {
    AuditEntry stored = entry.withSequence(++sequence);
    entries.add(stored);
    if (entries.size() > RETAINED) {
      entries.subList(0, entries.size() - RETAINED).clear();
    }
    return stored;
  }

  @Override
  public synchronized List<AuditEntry> list(Optional<TenantId> tenant, long afterSequence, int limit) {
    List<AuditEntry> out = new ArrayList<>();
    if (limit <= 0) {
      return out;
    }
    for (AuditEntry e : entries) {
      if (e.sequence() > afterSequence && tenant.map(t -> t.equals(e.tenant())).orElse(true)) {
        out.add(e);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }
}
