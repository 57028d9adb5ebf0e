package io.augment.bootstrap.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Requests over the server's size limits: refused with a body in the protocol's error shape, not an empty one. */
final class HttpLimitCases {
  /** The test profile's augment.limits.max-request-bytes is 200,000. */
  private static final byte[] OVER_LIMIT = ("{\"text\": \"" + "z".repeat(210_000) + "\"}").getBytes(StandardCharsets.UTF_8);
  private final Http http;
  private final String kb;

  HttpLimitCases(Http http, String kb) {
    this.http = http;
    this.kb = kb;
  }

  List<HostileCase> all() {
    String documents = "/api/v1/knowledge-bases/" + kb + "/documents";
    String longPath = "/api/v1/knowledge-bases/" + kb + "/documents/" + "u".repeat(9000);
    Map<String, String> bigHeader = Map.of("X-Padding", "h".repeat(40_000));
    return List.of(
        new HostileCase("REST POST {kb}/documents: body over the request limit (413)",
            () -> Expect.problem(http.send("POST", documents, "application/json", OVER_LIMIT, Map.of()), null)),
        new HostileCase("/v1 POST /v1/chat/completions: body over the request limit (413)",
            () -> Expect.openAiError(http.send("POST", "/v1/chat/completions", "application/json", OVER_LIMIT, Map.of()), null)),
        new HostileCase("REST GET a 9000-character path (414)", () -> Expect.problem(http.get(longPath), null)),
        new HostileCase("/v1 GET a 9000-character model id (414)",
            () -> Expect.openAiError(http.get("/v1/models/" + "u".repeat(9000)), null)),
        new HostileCase("REST GET with a 40000-byte header (431)",
            () -> Expect.problem(http.send("GET", "/api/v1/knowledge-bases/" + kb, null, null, bigHeader), null)),
        new HostileCase("/v1 GET with a 40000-byte header (431)",
            () -> Expect.openAiError(http.send("GET", "/v1/models", null, null, bigHeader), null)));
  }
}
