package io.augment.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.tenant.AuditEntry;
import io.augment.domain.tenant.AuditLog;
import io.augment.domain.tenant.AuditLogContract;
import io.augment.domain.tenant.TenantFixtures;
import io.augment.domain.tenant.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract on H2, plus the retention that keeps the table from growing without bound. */
@QuarkusTest
class HibernateAuditLogTest extends AuditLogContract {

  @Inject
  HibernateAuditLog log;

  @Override
  protected AuditLog log() {
    return log;
  }

  @Test
  void pruningKeepsTheNewestEntriesAndDeletesTheOlder() {
    TenantId tenant = TenantFixtures.uniqueTenant();
    List<AuditEntry> appended = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      appended.add(log.append(new AuditEntry(0, Instant.EPOCH, tenant, "aug_x", "rest", "DELETE", "/api/" + i, 204)));
    }

    assertThat(log.keepNewest(3)).isPositive();

    assertThat(log.list(Optional.empty(), 0, 100)).containsExactlyElementsOf(appended.subList(2, 5));
    assertThat(log.keepNewest(3)).isZero();
  }

  @Test
  void longActionAndKeyPrefixAreCutToTheirColumns() {
    TenantId tenant = TenantFixtures.uniqueTenant();

    log.append(new AuditEntry(0, Instant.EPOCH, tenant, "k".repeat(500), "p".repeat(100), "a".repeat(500), "/", 200));

    assertThat(log.list(Optional.of(tenant), 0, 10)).singleElement().satisfies(e -> {
      assertThat(e.keyPrefix()).hasSize(AuditEventEntity.MAX_KEY_PREFIX);
      assertThat(e.protocol()).hasSize(AuditEventEntity.MAX_PROTOCOL);
      assertThat(e.action()).hasSize(AuditEventEntity.MAX_ACTION);
    });
  }
}
