package io.augment.application.tenant;

import io.augment.adapter.out.memory.InMemoryApiKeyRepository;
import io.augment.adapter.out.memory.InMemoryTenantRepository;
import io.augment.domain.tenant.TenantId;
import io.augment.domain.tenant.TenantStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Tenants and keys in memory with a clock the test moves, recording storage calls. */
final class TenancyFixture {
  final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  final InMemoryTenantRepository tenants = new InMemoryTenantRepository(keys);
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  final List<String> storage = new ArrayList<>();
  final List<TenantId> forgotten = new ArrayList<>();
  long nanos;
  final RequestRates rates = new RequestRates(() -> nanos);
  final ManageTenants manage = new ManageTenants(tenants, keys, new TenantStorage() {
    @Override
    public void provision(TenantId tenant) {
      storage.add("provision " + tenant);
    }

    @Override
    public void purge(TenantId tenant) {
      storage.add("purge " + tenant);
    }
  }, forgotten::add, clock);
  final Authenticator authenticator = new Authenticator(keys, tenants, rates, clock);

  TenancyFixture() {
    manage.ensureDefault();
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
