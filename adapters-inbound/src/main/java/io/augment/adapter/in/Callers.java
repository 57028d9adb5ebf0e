package io.augment.adapter.in;

import io.augment.application.tenant.Principal;
import io.augment.domain.model.UnauthenticatedException;
import io.grpc.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where each protocol keeps the calling {@link Principal}, and how a key is read from a request. */
public final class Callers {
  /** RoutingContext data: the authenticated principal of an HTTP request. */
  public static final String PRINCIPAL = "augment.principal";
  /** RoutingContext data: the scope the matched route needs (absent: the route was not matched). */
  public static final String SCOPE = "augment.scope";
  /** The principal of a gRPC call; io.grpc.Context follows the call onto worker threads. */
  public static final Context.Key<Principal> GRPC = Context.key("augment.principal");

  private Callers() {}

  /**
   * The key a request presents: {@code Authorization: Bearer <key>} (what OpenAI SDKs send as
   * {@code apiKey}), else {@code X-API-Key}; empty when neither is there. An Authorization header
   * with another scheme is presented whole, so it is refused as an invalid key.
   *
   * @param authorization every Authorization header of the request (blank ones are ignored)
   * @param apiKey every X-API-Key header of the request
   * @throws UnauthenticatedException when the headers present more than one distinct key: which one
   *     counts would depend on the header order a proxy or client happens to use
   */
  public static Optional<String> presentedKey(Iterable<String> authorization, Iterable<String> apiKey) {
    Set<String> keys = new LinkedHashSet<>();
    for (String value : authorization == null ? List.<String>of() : authorization) {
      if (value != null && !value.isBlank()) {
        keys.add(fromAuthorization(value.strip()));
      }
    }
    for (String value : apiKey == null ? List.<String>of() : apiKey) {
      if (value != null && !value.isBlank()) {
        keys.add(value.strip());
      }
    }
    if (keys.size() > 1) {
      throw new UnauthenticatedException(
          "the request presents more than one API key: send one, as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
    }
    return keys.stream().findFirst();
  }

  private static String fromAuthorization(String value) {
    if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return value.substring(7).strip();
    }
    return value;
  }
}
