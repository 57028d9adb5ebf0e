package io.augment.adapter.in.grpc;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names the limit when the transport refuses a message over
 * {@code quarkus.grpc.server.max-inbound-message-size}: Vert.x answers RESOURCE_EXHAUSTED before any
 * service code runs, with no description. This route, ahead of the gRPC handler, adds one to exactly
 * those answers (a RESOURCE_EXHAUSTED the services send already carries its own).
 */
@ApplicationScoped
public class MessageSizeRefusal {
  private static final String RESOURCE_EXHAUSTED = "8";

  private final String message;

  public MessageSizeRefusal(
      @ConfigProperty(name = "quarkus.grpc.server.max-inbound-message-size", defaultValue = "262144") int limit) {
    this.message = StatusMessages.encode("a gRPC message is larger than the server accepts: " + limit
        + " bytes (quarkus.grpc.server.max-inbound-message-size); send a file as several chunks");
  }

  void install(@Observes Router router) {
    router.route().order(-10_000).handler(context -> {
      String type = context.request().getHeader("content-type");
      if (type != null && type.startsWith("application/grpc")) {
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ignored -> describe(response));
      }
      context.next();
    });
  }

  /** A refusal before any reply is trailers-only: its status travels in the headers. */
  private void describe(HttpServerResponse response) {
    if (RESOURCE_EXHAUSTED.equals(response.headers().get("grpc-status")) && !response.headers().contains("grpc-message")) {
      response.headers().set("grpc-message", message);
    }
  }
}
