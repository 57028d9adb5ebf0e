package io.augment.adapter.out.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The tenant whose schema the current thread's next Hibernate session uses: null for the default
 * schema. {@link SchemaTenantResolver} reads it when a session opens, which happens inside the
 * first transaction a repository method begins; so a call may only switch schemas when no
 * transaction is active (one already active has, or will have, its session in the other schema).
 */
final class TenantContext {
  /** The Hibernate tenant identifier of the default schema (a tenant's is its {@code TenantId} value). */
  static final String DEFAULT = "default";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  /** The Hibernate tenant identifier for the current thread. */
  static String current() {
    String tenant = CURRENT.get();
    return tenant == null ? DEFAULT : tenant;
  }

  /** Runs {@code body} with {@code tenant} (null: the default schema) current, then restores the previous one. */
  static <T> T call(String tenant, TransactionManager transactions, Callable<T> body) throws Exception {
    String previous = CURRENT.get();
    if (Objects.equals(previous, tenant)) {
      return body.call();
    }
    if (transactionActive(transactions)) {
      throw new IllegalStateException("a call for schema of tenant '" + (tenant == null ? DEFAULT : tenant)
          + "' cannot join the transaction already active for tenant '" + (previous == null ? DEFAULT : previous)
          + "': its session uses that tenant's schema");
    }
    set(tenant);
    try {
      return body.call();
    } finally {
      set(previous);
    }
  }

  private static void set(String tenant) {
    if (tenant == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(tenant);
    }
  }

  private static boolean transactionActive(TransactionManager transactions) {
    try {
      return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    } catch (SystemException e) {
      throw new IllegalStateException("cannot read the transaction status", e);
    }
  }
}
