package io.augment.adapter.out.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.tenant.AuditEntry;
import io.augment.domain.tenant.AuditLog;
import io.augment.domain.tenant.AuditLogContract;
import io.augment.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest extends AuditLogContract {
  private final InMemoryAuditLog log = new InMemoryAuditLog();

  @Override
  protected AuditLog log() {
    return log;
  }

  @Test
  void keepsOnlyTheNewestEntries() {
    TenantId tenant = new TenantId("busy");
    for (int i = 0; i < InMemoryAuditLog.RETAINED + 10; i++) {
      log.append(new AuditEntry(0, Instant.EPOCH, tenant, "aug_x", "rest", "POST", "/api/x", 201));
    }

    assertThat(log.list(Optional.empty(), 0, 1)).singleElement()
        .satisfies(oldest -> assertThat(oldest.sequence()).isEqualTo(11));
    assertThat(log.list(Optional.of(tenant), 0, Integer.MAX_VALUE)).hasSize(InMemoryAuditLog.RETAINED);
  }
}
