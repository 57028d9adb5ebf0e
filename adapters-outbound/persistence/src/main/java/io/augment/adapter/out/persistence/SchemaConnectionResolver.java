package io.augment.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.augment.domain.tenant.TenantId;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Connections for a Hibernate tenant, all from the one pool. The default tenant's are handed out
 * as they are. A tenant's are switched to its schema when taken and back to the default schema
 * before they return to the pool: Quarkus's own schema provider only switches (Agroal 3.0 resets
 * autocommit, isolation and read-only on return, not the schema), which would leave a pooled
 * connection on a tenant's schema for the next user that does not switch. If switching back fails,
 * the connection is aborted rather than pooled; one the pool takes back before Hibernate releases it
 * (after a rollback) is switched back by {@link PooledSchemaGuard}.
 */
@PersistenceUnitExtension
@ApplicationScoped
class SchemaConnectionResolver implements TenantConnectionResolver {
  private final AgroalDataSource dataSource;
  private final SchemaSwitch schemaSwitch;

  @Inject
  SchemaConnectionResolver(AgroalDataSource dataSource, SchemaSwitch schemaSwitch) {
    this.dataSource = dataSource;
    this.schemaSwitch = schemaSwitch;
  }

  @Override
  public ConnectionProvider resolve(String tenantId) {
    if (TenantContext.DEFAULT.equals(tenantId)) {
      return new QuarkusConnectionProvider(dataSource);
    }
    return new SchemaConnectionProvider(dataSource, schemaSwitch, new TenantId(tenantId));
  }

  private static final class SchemaConnectionProvider extends QuarkusConnectionProvider {
    private final SchemaSwitch schemaSwitch;
    private final TenantId tenant;
    private volatile String schema;

    SchemaConnectionProvider(AgroalDataSource dataSource, SchemaSwitch schemaSwitch, TenantId tenant) {
      super(dataSource);
      this.schemaSwitch = schemaSwitch;
      this.tenant = tenant;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = super.getConnection();
      try {
        schema = schemaSwitch.toTenant(connection, tenant, schema);
        return connection;
      } catch (SQLException | RuntimeException e) {
        closeConnection(connection);
        throw e;
      }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
      try {
        if (!connection.isClosed()) { // after a rollback the pool has it back already (PooledSchemaGuard switched it)
          schemaSwitch.toDefault(connection);
        }
      } catch (SQLException | RuntimeException e) {
        connection.abort(Runnable::run); // never pooled on the tenant's schema
        throw e;
      } finally {
        super.closeConnection(connection);
      }
    }
  }
}
