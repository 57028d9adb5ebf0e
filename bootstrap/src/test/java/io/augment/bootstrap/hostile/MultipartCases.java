package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Malformed multipart uploads to {@code POST /knowledge-bases/{kb}/documents}. */
final class MultipartCases {
  private final Http http;
  private final String path;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<HostileCase> cases = new ArrayList<>();

  MultipartCases(Http http, String kb) {
    this.http = http;
    this.path = "/api/v1/knowledge-bases/" + kb + "/documents";
  }

  List<HostileCase> all() {
    add("no file part", new Multipart().field("id", "mp-none"), "file");
    add("an empty file", new Multipart().file("empty.txt", "text/plain", new byte[0]), "file");
    add("a zero-width-only file", new Multipart().file("blank.txt", "text/plain", ZERO_WIDTH.getBytes(StandardCharsets.UTF_8)), "file");
    add("a PNG file", new Multipart().file("photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}), "file");
    add("an unknown binary type", new Multipart().file("blob.bin", "application/octet-stream", new byte[] {0, 1, 2}), "file");
    add("a file over the document limit (150000 bytes)",
        new Multipart().file("big.txt", "text/plain", "w ".repeat(75_001).getBytes(StandardCharsets.UTF_8)), "file");
    for (String id : List.of("..", "../victim", "a/b", "a\u0000b", ZERO_WIDTH, "i".repeat(201))) {
      add("id " + label(id), withFile().field("id", id), "id");
    }
    add("title one over 2000 characters", withFile().field("title", "t".repeat(2001)), "title");
    for (String metadata : List.of("not json", "[]", "\"text\"", "{\"team\": null}", "{\"team\": {\"a\": 1}}",
        "{\"" + "k".repeat(256) + "\": \"v\"}", "{\"team\": \"" + "v".repeat(10_001) + "\"}", manyKeys(), "{\"team\": ")) {
      add("metadata " + label(metadata), withFile().field("metadata", metadata), "metadata");
    }
    raw("no closing boundary", Multipart.contentType(), withFile().unterminated(), null);
    raw("a boundary that is not the declared one", "multipart/form-data; boundary=other", withFile().bytes(), null);
    raw("no boundary parameter", "multipart/form-data", withFile().bytes(), null);
    raw("a body that is not multipart", Multipart.contentType(), "plain words, no parts".getBytes(StandardCharsets.UTF_8), null);
    return cases;
  }

  private Multipart withFile() {
    return new Multipart().file("mp-" + counter.incrementAndGet() + ".txt", "text/plain", text());
  }

  private byte[] text() {
    return (Seed.NONCE + " multipart text " + counter.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
  }

  private void add(String name, Multipart body, String field) {
    raw(name, Multipart.contentType(), body.bytes(), field);
  }

  private void raw(String name, String contentType, byte[] body, String field) {
    cases.add(new HostileCase("REST POST {kb}/documents multipart: " + name,
        () -> Expect.problem(http.send("POST", path, contentType, body, Map.of()), field)));
  }

  private static String manyKeys() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 2000; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    return json.append('}').toString();
  }

  private static String label(String value) {
    if (value.length() > 40) {
      return "of " + value.length() + " characters";
    }
    return "'" + value.replace("\u0000", "\\0").replaceAll("[\u200b\u200c\u200d\ufeff]", "\\\\u200b") + "'";
  }
}
