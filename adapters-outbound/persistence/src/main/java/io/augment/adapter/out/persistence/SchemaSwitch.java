package io.augment.adapter.out.persistence;

import io.augment.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Switches pooled connections to a tenant's schema and back, remembering which are switched (by
 * their physical connection) so that {@link PooledSchemaGuard} can switch back any that reach the
 * pool without {@link #toDefault}: after a rollback Hibernate releases its connection only once the
 * pool has already taken it back.
 */
@ApplicationScoped
class SchemaSwitch {
  private final Set<Connection> switched = Collections.newSetFromMap(new ConcurrentHashMap<>());
  /** The schema pooled connections are on, read from the first connection switched. */
  private volatile String defaultSchema;

  /** Switches {@code connection} to the tenant's schema ({@code storedName} if known); answers its stored name. */
  String toTenant(Connection connection, TenantId tenant, String storedName) throws SQLException {
    String name = storedName;
    if (name == null) {
      if (defaultSchema == null) {
        defaultSchema = connection.getSchema();
      }
      name = TenantSchemas.storedName(tenant, connection.getMetaData());
    }
    switched.add(connection.unwrap(Connection.class));
    connection.setSchema(name);
    return name;
  }

  /** Switches {@code connection} back to the default schema. */
  void toDefault(Connection connection) throws SQLException {
    Connection physical = connection.unwrap(Connection.class);
    connection.setSchema(defaultSchema);
    switched.remove(physical);
  }

  /** Switches {@code connection} back when it is still on a tenant's schema. */
  void resetIfSwitched(Connection connection) throws SQLException {
    if (!switched.isEmpty() && switched.contains(connection.unwrap(Connection.class))) {
      toDefault(connection);
    }
  }
}
