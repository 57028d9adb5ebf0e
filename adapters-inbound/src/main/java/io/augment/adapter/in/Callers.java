package io.augment.adapter.in;

import io.augment.application.tenant.Principal;
import io.grpc.Context;
import java.util.Locale;
import java.util.Optional;

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
   */
  public static Optional<String> presentedKey(String authorization, String apiKey) {
    if (authorization != null && !authorization.isBlank()) {
      String value = authorization.strip();
      if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
        return Optional.of(value.substring(7).strip());
      }
      return Optional.of(value);
    }
    return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.strip());
  }
}
