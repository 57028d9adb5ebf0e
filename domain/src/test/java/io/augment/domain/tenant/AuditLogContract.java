package io.augment.domain.tenant;

import static io.augment.domain.tenant.TenantFixtures.CREATED_AT;
import static io.augment.domain.tenant.TenantFixtures.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} must do. The log may be shared with other tests and earlier runs, so
 * each case writes under tenants of its own (none of which needs to exist: entries outlive their
 * tenant) and reads after the sequence before its first entry.
 */
public abstract class AuditLogContract {

  protected abstract AuditLog log();

  private static AuditEntry entry(TenantId tenant, String action, int seconds) {
    return new AuditEntry(0, CREATED_AT.plusSeconds(seconds), tenant, "aug_0123456789abcdef", "rest", action,
        "/api/knowledge-bases/" + action, 204);
  }

  @Test
  void appendAnswersTheEntryWithIncreasingSequences() {
    TenantId tenant = uniqueTenant();
    AuditEntry first = entry(tenant, "one", 0);
    AuditEntry second = entry(tenant, "two", 1);
    AuditEntry third = entry(tenant, "three", 1);

    AuditEntry a = log().append(first);
    AuditEntry b = log().append(second);
    AuditEntry c = log().append(third);

    assertThat(a.sequence()).isPositive();
    assertThat(b.sequence()).isGreaterThan(a.sequence());
    assertThat(c.sequence()).isGreaterThan(b.sequence());
    assertThat(a).isEqualTo(first.withSequence(a.sequence()));
  }

  @Test
  void appendAllStoresABatchInItsOrderWithIncreasingSequences() {
    TenantId tenant = uniqueTenant();
    AuditEntry before = log().append(entry(tenant, "before", 0));
    List<AuditEntry> batch = List.of(entry(tenant, "one", 1), entry(tenant, "two", 2), entry(tenant, "three", 2));

    List<AuditEntry> stored = log().appendAll(batch);
    AuditEntry after = log().append(entry(tenant, "after", 3));

    assertThat(stored).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(stored.get(i)).isEqualTo(batch.get(i).withSequence(stored.get(i).sequence()));
    }
    assertThat(stored.get(0).sequence()).isGreaterThan(before.sequence());
    assertThat(stored.get(1).sequence()).isGreaterThan(stored.get(0).sequence());
    assertThat(stored.get(2).sequence()).isGreaterThan(stored.get(1).sequence());
    assertThat(after.sequence()).isGreaterThan(stored.get(2).sequence());
    assertThat(log().list(Optional.of(tenant), 0, 10)).containsExactly(before, stored.get(0), stored.get(1),
        stored.get(2), after);
    assertThat(log().appendAll(List.of())).isEmpty();
  }

  @Test
  void roundTripsEveryFieldAndKeepsTheFirstCharactersOfALongResource() {
    TenantId tenant = uniqueTenant();
    String longPath = "/api/documents/" + "ü".repeat(AuditEntry.MAX_RESOURCE);
    AuditEntry stored = log().append(new AuditEntry(0, CREATED_AT, tenant, "implicit", "grpc",
        "augment.v1.Admin/CreateKey", longPath, 7));
    AuditEntry empty = log().append(new AuditEntry(0, CREATED_AT, tenant, null, null, null, null, 500));

    assertThat(log().list(Optional.of(tenant), 0, 10)).containsExactly(stored, empty);
    assertThat(stored.resource()).hasSize(AuditEntry.MAX_RESOURCE);
    assertThat(empty.keyPrefix()).isEmpty();
  }

  @Test
  void listsOnlyTheTenantsEntriesOldestFirst() {
    TenantId tenant = uniqueTenant();
    TenantId other = uniqueTenant();
    AuditEntry a1 = log().append(entry(tenant, "create", 0));
    AuditEntry b1 = log().append(entry(other, "create", 1));
    AuditEntry a2 = log().append(entry(tenant, "delete", 2));

    assertThat(log().list(Optional.of(tenant), 0, 100)).containsExactly(a1, a2);
    assertThat(log().list(Optional.of(other), 0, 100)).containsExactly(b1);
  }

  @Test
  void listWithoutTenantShowsEveryTenantsEntriesInSequenceOrder() {
    AuditEntry a1 = log().append(entry(uniqueTenant(), "create", 0));
    AuditEntry b1 = log().append(entry(uniqueTenant(), "create", 1));
    AuditEntry a2 = log().append(entry(a1.tenant(), "delete", 2));

    assertThat(log().list(Optional.empty(), a1.sequence() - 1, 100)).containsExactly(a1, b1, a2);
  }

  @Test
  void listStartsAfterTheGivenSequenceAndStopsAtTheLimit() {
    TenantId tenant = uniqueTenant();
    List<AuditEntry> appended = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      appended.add(log().append(entry(tenant, "write-" + i, i)));
    }

    assertThat(log().list(Optional.of(tenant), appended.get(1).sequence(), 100))
        .containsExactlyElementsOf(appended.subList(2, 5));
    assertThat(log().list(Optional.of(tenant), 0, 2)).containsExactlyElementsOf(appended.subList(0, 2));
    assertThat(log().list(Optional.of(tenant), appended.get(0).sequence(), 2))
        .containsExactlyElementsOf(appended.subList(1, 3));
    assertThat(log().list(Optional.of(tenant), appended.get(4).sequence(), 100)).isEmpty();
  }

  @Test
  void listWithLimitZeroIsEmpty() {
    TenantId tenant = uniqueTenant();
    log().append(entry(tenant, "create", 0));

    assertThat(log().list(Optional.of(tenant), 0, 0)).isEmpty();
  }

  @Test
  void listOfTenantWithoutEntriesIsEmpty() {
    assertThat(log().list(Optional.of(uniqueTenant()), 0, 100)).isEmpty();
  }
}
