package io.augment.bootstrap;

import io.augment.adapter.out.persistence.TenantSchemas;
import io.augment.domain.tenant.TenantId;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Tenants' database schemas on the {@code jpa} store; on {@code memory} each tenant has its own stores instead. */
@Singleton
public class SchemaProducers {

  @Produces
  @Singleton
  SchemaNamespaces schemaNamespaces(AugmentConfig config, Instance<TenantSchemas> schemas) {
    if (config.metadataStore() != AugmentConfig.MetadataStore.JPA) {
      return new SchemaNamespaces() {
        @Override
        public void provision(TenantId tenant) {}

        @Override
        public void drop(TenantId tenant) {}

        @Override
        public boolean exists(TenantId tenant) {
          return false;
        }

        @Override
        public <T> T bind(Class<T> port, T delegate, TenantId tenant) {
          throw new IllegalStateException("no database schemas with augment.metadata-store=memory");
        }
      };
    }
    TenantSchemas s = schemas.get();
    return new SchemaNamespaces() {
      @Override
      public void provision(TenantId tenant) {
        s.provision(tenant);
      }

      @Override
      public void drop(TenantId tenant) {
        s.drop(tenant);
      }

      @Override
      public boolean exists(TenantId tenant) {
        return s.provisioned().contains(tenant);
      }

      @Override
      public <T> T bind(Class<T> port, T delegate, TenantId tenant) {
        return s.bind(port, delegate, tenant);
      }
    };
  }
}
