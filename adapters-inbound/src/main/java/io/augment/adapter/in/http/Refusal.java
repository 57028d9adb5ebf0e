package io.augment.adapter.in.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * A request refused at the edge, before routing: answered as RFC 9457 problem+json, or in
 * OpenAI's error shape under {@code /v1}. {@code field} names the request part at fault (a path
 * parameter, a header, {@code body}).
 */
record Refusal(int status, String detail, String field) {

  /** Writes this refusal as the response; the request is not routed any further. */
  void send(RoutingContext rc) {
    send(rc, null, Map.of());
  }

  /** The same, with OpenAI's error {@code code} under {@code /v1} and extra response headers. */
  void send(RoutingContext rc, String openAiCode, Map<String, String> headers) {
    boolean openAi = EdgePaths.isOpenAi(rc.request().path());
    JsonObject body = openAi ? openAiError(openAiCode) : problem();
    headers.forEach(rc.response()::putHeader);
    rc.response().setStatusCode(status)
        .putHeader("Content-Type", openAi ? "application/json" : "application/problem+json")
        .end(body.encode());
  }

  // Same shape as rest.Problem; built here because inbound adapter packages must not depend on each other.
  private JsonObject problem() {
    JsonObject json = new JsonObject().put("type", "about:blank")
        .put("title", HttpResponseStatus.valueOf(status).reasonPhrase()).put("status", status).put("detail", detail);
    return field == null ? json : json.put("field", field);
  }

  // Same shape as openai.OpenAiError.
  private JsonObject openAiError(String code) {
    String type = status == 403 ? "permission_error" : status == 429 ? "rate_limit_error"
        : status >= 500 ? "server_error" : "invalid_request_error";
    return new JsonObject().put("error", new JsonObject().put("message", detail).put("type", type)
        .put("param", field).put("code", code));
  }
}
