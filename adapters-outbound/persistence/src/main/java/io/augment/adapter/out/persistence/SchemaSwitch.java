package io.augment.adapter.out.persistence;

import io.augment.domain.tenant.TenantId;
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
final class SchemaSwitch {
  private static final Set<Connection> SWITCHED = Collections.newSetFromMap(new ConcurrentHashMap<>());
  /** The schema pooled connections are on, read from the first connection switched. */
  private static volatile String defaultSchema;

  private SchemaSwitch() {}

  /** Switches {@code connection} to the tenant's schema; answers the schema's stored name. */
  static String toTenant(Connection connection, TenantId tenant, String cachedName) throws SQLException {
    String name = cachedName;
    if (name == null) {
      if (defaultSchema == null) {
        defaultSchema = connection.getSchema();
      }
      name = TenantSchemas.storedName(tenant, connection.getMetaData());
    }
    SWITCHED.add(connection.unwrap(Connection.class));
    connection.setSchema(name);
    return name;
  }

  /** Switches {@code connection} back to the default schema. */
  static void toDefault(Connection connection) throws SQLException {
    Connection physical = connection.unwrap(Connection.class);
    connection.setSchema(defaultSchema);
    SWITCHED.remove(physical);
  }

  /** Switches {@code connection} back when it is still on a tenant's schema. */
  static void resetIfSwitched(Connection connection) throws SQLException {
    if (!SWITCHED.isEmpty() && SWITCHED.contains(connection.unwrap(Connection.class))) {
      toDefault(connection);
    }
  }
}
