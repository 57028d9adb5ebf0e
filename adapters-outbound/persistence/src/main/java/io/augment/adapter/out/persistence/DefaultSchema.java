package io.augment.adapter.out.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated bean's methods always use the default schema, even when called while a tenant's
 * is current (the tenant, key and audit tables live there only). See {@link DefaultSchemaInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface DefaultSchema {}
