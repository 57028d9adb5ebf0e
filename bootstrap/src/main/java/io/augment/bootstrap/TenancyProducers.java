package io.augment.bootstrap;

import io.augment.adapter.out.memory.InMemoryApiKeyRepository;
import io.augment.adapter.out.memory.InMemoryAuditLog;
import io.augment.adapter.out.memory.InMemoryTenantRepository;
import io.augment.adapter.out.persistence.HibernateApiKeyRepository;
import io.augment.adapter.out.persistence.HibernateAuditLog;
import io.augment.adapter.out.persistence.HibernateTenantRepository;
import io.augment.application.tenant.AuditTrail;
import io.augment.application.tenant.Authenticator;
import io.augment.application.tenant.ManageTenants;
import io.augment.application.tenant.RequestRates;
import io.augment.domain.tenant.ApiKeyRepository;
import io.augment.domain.tenant.AuditLog;
import io.augment.domain.tenant.TenantRepository;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Tenants, keys and the audit log: their stores (chosen by {@code augment.metadata-store}) and use cases. */
@Singleton
public class TenancyProducers {
  private final InMemoryApiKeyRepository memoryKeys = new InMemoryApiKeyRepository();

  @Produces
  @Singleton
  ApiKeyRepository apiKeys(AugmentConfig config, Instance<HibernateApiKeyRepository> jpa) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> memoryKeys;
    };
  }

  @Produces
  @Singleton
  TenantRepository tenants(AugmentConfig config, Instance<HibernateTenantRepository> jpa) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> new InMemoryTenantRepository(memoryKeys);
    };
  }

  @Produces
  @Singleton
  AuditLog auditLog(AugmentConfig config, Instance<HibernateAuditLog> jpa) {
    return switch (config.metadataStore()) {
      case JPA -> jpa.get();
      case MEMORY -> new InMemoryAuditLog();
    };
  }

  @Produces
  @Singleton
  Authenticator authenticator(ApiKeyRepository keys, TenantRepository tenants, RequestRates rates) {
    return new Authenticator(keys, tenants, rates, Clock.systemUTC());
  }

  @Produces
  @Singleton
  AuditTrail auditTrail(AuditLog log) {
    return new AuditTrail(log, Clock.systemUTC());
  }

  @Produces
  @Singleton
  RequestRates requestRates() {
    return new RequestRates(System::nanoTime);
  }

  @Produces
  @Singleton
  ManageTenants manageTenants(TenantRepository tenants, ApiKeyRepository keys, TenantWorkspaces workspaces,
      RequestRates rates) {
    return new ManageTenants(tenants, keys, workspaces.storage(), id -> {
      workspaces.forget(id);
      rates.forget(id);
    }, Clock.systemUTC());
  }
}
