package io.augment.bootstrap.hostile;

import io.augment.bootstrap.hostile.Mutations.Mutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** Builds cases for one JSON endpoint: each field's mutations, then broken bodies. */
final class JsonCases {
  private final Http http;
  private final String label;
  private final String method;
  private final String path;
  private final BiConsumer<Http.Reply, String> expect;
  private final List<HostileCase> cases = new ArrayList<>();

  /** {@code expect} checks a reply against the field it should name (null: none required). */
  JsonCases(Http http, String label, String method, String path, BiConsumer<Http.Reply, String> expect) {
    this.http = http;
    this.label = label;
    this.method = method;
    this.path = path;
    this.expect = expect;
  }

  /** One case per mutation of {@code field} in a fresh valid body. */
  JsonCases field(String field, Supplier<Map<String, Object>> valid, List<Mutation> mutations) {
    for (Mutation m : mutations) {
      body(field + " " + m.label(), Json.with(valid.get(), field, m.value()), m.namesField() ? field : null);
    }
    return this;
  }

  /** A case with a whole body; {@code field} is what the refusal should name. */
  JsonCases body(String name, Object body, String field) {
    return raw(name, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8), field);
  }

  JsonCases raw(String name, String contentType, byte[] body, String field) {
    cases.add(new HostileCase(label + ": " + name, () -> expect.accept(http.send(method, path, contentType, body, Map.of()), field)));
    return this;
  }

  /** Bodies no JSON endpoint takes: malformed, wrong shape, wrong encoding, wrong Content-Type. */
  JsonCases brokenBodies(String validJson, String stringField) {
    return brokenBodies(validJson, stringField, true);
  }

  /** {@code bodyRequired} false: the endpoint may take no body at all (every field optional). */
  JsonCases brokenBodies(String validJson, String stringField, boolean bodyRequired) {
    byte[] utf8 = validJson.getBytes(StandardCharsets.UTF_8);
    String open = validJson.substring(0, validJson.length() - 1);
    raw("malformed JSON (cut short)", "application/json", bytes(open + ","), null);
    raw("malformed JSON (single quotes)", "application/json", bytes(validJson.replace('"', '\'')), null);
    raw("an array instead of an object", "application/json", bytes("[" + validJson + "]"), null);
    raw("a string instead of an object", "application/json", bytes("\"text\""), null);
    raw("a number instead of an object", "application/json", bytes("42"), null);
    if (bodyRequired) {
      raw("JSON null", "application/json", bytes("null"), null);
      raw("an empty body", "application/json", new byte[0], null);
    }
    raw("invalid UTF-8 in " + stringField, "application/json", invalidUtf8(validJson, stringField), null);
    raw("deeply nested arrays in an extra field", "application/json", bytes(open + ", \"deep\": " + Json.nested(5000).json() + "}"), null);
    raw("Content-Type text/plain", "text/plain", utf8, null);
    raw("Content-Type application/xml", "application/xml", utf8, null);
    raw("no Content-Type", null, utf8, null);
    return this;
  }

  List<HostileCase> cases() {
    return cases;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The body with bytes that are not UTF-8 (0xC3 0x28, 0xFF) at the start of {@code field}'s string value. */
  private static byte[] invalidUtf8(String json, String field) {
    String marker = "\"" + field + "\":\"";
    int at = json.indexOf(marker) + marker.length();
    if (at < marker.length()) {
      throw new IllegalArgumentException("no string field " + field + " in " + json);
    }
    byte[] head = bytes(json.substring(0, at));
    byte[] tail = bytes(json.substring(at));
    byte[] out = new byte[head.length + 3 + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    out[head.length] = (byte) 0xC3;
    out[head.length + 1] = (byte) 0x28;
    out[head.length + 2] = (byte) 0xFF;
    System.arraycopy(tail, 0, out, head.length + 3, tail.length);
    return out;
  }
}
