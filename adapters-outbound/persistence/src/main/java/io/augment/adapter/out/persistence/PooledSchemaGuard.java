package io.augment.adapter.out.persistence;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

/** Agroal calls it for every connection going back to the default data source's pool: none stays on a tenant's schema. */
@ApplicationScoped
class PooledSchemaGuard implements AgroalPoolInterceptor {
  private final SchemaSwitch schemaSwitch;

  @Inject
  PooledSchemaGuard(SchemaSwitch schemaSwitch) {
    this.schemaSwitch = schemaSwitch;
  }

  @Override
  public void onConnectionReturn(Connection connection) {
    try {
      schemaSwitch.resetIfSwitched(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot switch a pooled connection back to the default schema", e);
    }
  }
}
