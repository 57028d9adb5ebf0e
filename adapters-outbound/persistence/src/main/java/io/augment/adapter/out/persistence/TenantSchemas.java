package io.augment.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.augment.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.TransactionManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;

/**
 * One database schema per tenant ({@link #schemaName}), holding the same tables as the default
 * schema, brought to the same version by the same Flyway migrations. Repositories read a tenant's
 * schema only through {@link #bind}: Hibernate ORM runs with {@code multitenant=SCHEMA}, and every
 * session a bound call opens takes connections switched to that schema ({@link SchemaConnectionResolver}).
 * The operator's tenant {@link TenantId#DEFAULT} keeps the deployment's default schema.
 *
 * <p>Tables must stay unqualified in SQL, so the default schema comes from the connection (H2:
 * {@code PUBLIC}; PostgreSQL: {@code currentSchema} in the JDBC URL), never from
 * {@code quarkus.hibernate-orm.database.default-schema}: {@link #bind} and {@link #provision}
 * refuse to work when it is set.
 */
@ApplicationScoped
public class TenantSchemas {
  static final String PREFIX = "tenant_";

  private final AgroalDataSource dataSource;
  private final Flyway flyway;
  private final TransactionManager transactions;
  private final EntityManagerFactory entityManagerFactory;

  @Inject
  TenantSchemas(AgroalDataSource dataSource, Flyway flyway, TransactionManager transactions,
      EntityManagerFactory entityManagerFactory) {
    this.dataSource = dataSource;
    this.flyway = flyway;
    this.transactions = transactions;
    this.entityManagerFactory = entityManagerFactory;
  }

  /** {@code tenant_} and the id with '-' as '_' (ids have no '_', so no two tenants share one). */
  public static String schemaName(TenantId tenant) {
    return PREFIX + tenant.value().replace('-', '_');
  }

  /** The schema name as the database stores unquoted identifiers (H2 upper case, PostgreSQL lower case). */
  static String storedName(TenantId tenant, DatabaseMetaData metaData) throws SQLException {
    String name = schemaName(tenant);
    if (metaData.storesUpperCaseIdentifiers()) {
      return name.toUpperCase(Locale.ROOT);
    }
    return metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
  }

  /**
   * Creates the tenant's schema when absent and runs every migration in it; harmless when already
   * done. Nothing to do for {@link TenantId#DEFAULT} (migrated at start).
   */
  public synchronized void provision(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (tenant.isDefault()) {
      return;
    }
    requireUnqualifiedTables();
    String schema;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      schema = storedName(tenant, connection.getMetaData());
      statement.execute("create schema if not exists " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schemaName(tenant), e);
    }
    // Same migrations and resource provider as the start-up migration; Flyway restores the connection's schema.
    Flyway.configure(Thread.currentThread().getContextClassLoader())
        .configuration(flyway.getConfiguration())
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(false)
        .load()
        .migrate();
  }

  /** Removes the tenant's schema and everything in it; harmless when absent. */
  public synchronized void drop(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (tenant.isDefault()) {
      throw new IllegalArgumentException("the default tenant's schema is the deployment's own and is never dropped");
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + storedName(tenant, connection.getMetaData()) + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop schema " + schemaName(tenant), e);
    }
  }

  /**
   * {@code delegate} as seen by {@code tenant}: a proxy of {@code port} whose every call (default
   * methods too) runs with the tenant's schema current and restores the previous one after. A
   * bound call must begin its own transaction: one made while a transaction is already active for
   * another schema throws {@link IllegalStateException}. For {@link TenantId#DEFAULT}, {@code delegate} itself.
   */
  public <T> T bind(Class<T> port, T delegate, TenantId tenant) {
    Objects.requireNonNull(delegate, "delegate");
    if (!port.isInterface()) {
      throw new IllegalArgumentException(port.getName() + " is not an interface");
    }
    if (tenant.isDefault()) {
      return delegate;
    }
    requireUnqualifiedTables();
    String id = tenant.value();
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(proxy, method, args, tenant, delegate);
      }
      return TenantContext.call(id, transactions, () -> invoke(method, delegate, args));
    }));
  }

  /** The tenants whose schema exists, ordered by id. */
  public List<TenantId> provisioned() {
    List<TenantId> tenants = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "select schema_name from information_schema.schemata order by schema_name")) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String schema = rows.getString(1).toLowerCase(Locale.ROOT);
          if (schema.startsWith(PREFIX)) {
            String id = schema.substring(PREFIX.length()).replace('_', '-');
            if (TenantId.PATTERN.matcher(id).matches()) {
              tenants.add(new TenantId(id));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list schemas", e);
    }
    tenants.sort(java.util.Comparator.comparing(TenantId::value));
    return tenants;
  }

  private void requireUnqualifiedTables() {
    Object schema = entityManagerFactory.getProperties().get(AvailableSettings.DEFAULT_SCHEMA);
    if (schema != null && !schema.toString().isBlank()) {
      throw new IllegalStateException("tenant schemas need unqualified tables, but Hibernate qualifies them with "
          + "schema '" + schema + "': unset quarkus.hibernate-orm.database.default-schema and name the default "
          + "schema in the JDBC URL instead (PostgreSQL: ?currentSchema=" + schema + ")");
    }
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Exception {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args, TenantId tenant, Object delegate) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "TenantSchemas.bind(" + tenant + ", " + delegate + ")";
    };
  }
}
