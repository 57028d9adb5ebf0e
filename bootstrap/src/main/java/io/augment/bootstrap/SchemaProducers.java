package io.augment.bootstrap;

import io.augment.domain.tenant.TenantId;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The database namespaces of tenants (first step: not available yet on the jpa store). */
@Singleton
public class SchemaProducers {

  @Produces
  @Singleton
  SchemaNamespaces schemaNamespaces() {
    return new SchemaNamespaces() {
      @Override
      public void provision(TenantId tenant) {
        throw new UnsupportedOperationException("tenant schemas are not available yet");
      }

      @Override
      public void drop(TenantId tenant) {
        throw new UnsupportedOperationException("tenant schemas are not available yet");
      }

      @Override
      public <T> T bind(Class<T> port, T delegate, TenantId tenant) {
        throw new UnsupportedOperationException("tenant schemas are not available yet");
      }
    };
  }
}
