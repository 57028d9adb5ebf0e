package io.augment.adapter.in;

import io.augment.domain.tenant.Scope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a REST or {@code /v1} resource method needs: the one place each route is classified
 * (read: list, get, search, query, chat, downloads; write: ingest, delete, train, evaluate, cancel,
 * create; admin: the admin API). A method without it needs {@code write} ({@link AccessFilter#needed}),
 * so a new route fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {
  Scope value();
}
