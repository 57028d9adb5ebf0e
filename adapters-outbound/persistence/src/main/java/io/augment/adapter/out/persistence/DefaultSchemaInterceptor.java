package io.augment.adapter.out.persistence;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionManager;

/**
 * Makes the default schema current around a {@link DefaultSchema} method. It runs before
 * {@code @Transactional} (priority 200) begins the transaction whose session picks the schema, and
 * after {@code @ActivateRequestContext} (100).
 */
@DefaultSchema
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
class DefaultSchemaInterceptor {
  private final TransactionManager transactions;

  @Inject
  DefaultSchemaInterceptor(TransactionManager transactions) {
    this.transactions = transactions;
  }

  @AroundInvoke
  Object inDefaultSchema(InvocationContext invocation) throws Exception {
    return TenantContext.call(null, transactions, invocation::proceed);
  }
}
