package io.augment.bootstrap.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ids in the path that are, or decode to, dot segments, slashes or NUL: each must be refused as it is,
 * never normalised into another route (some of these would address the victim knowledge base itself).
 * They run last: if one is accepted it may delete what it reaches.
 */
final class PathCases {
  private static final List<String> DOCUMENT_IDS = List.of("..", ".", "%2e%2e", "%2E%2E", ".%2E", "%2e",
      "x/%2e%2e/%2e%2e", "a%2Fb", "a%5Cb", "a%00b", "%00", "x".repeat(300));
  private static final List<String> JOB_IDS = List.of("%2e%2e/knowledge-bases/" + Seed.VICTIM,
      "..%2Fknowledge-bases%2F" + Seed.VICTIM, ".%2E/knowledge-bases/" + Seed.VICTIM, "a%00b");
  private final Http http;

  PathCases(Http http) {
    this.http = http;
  }

  List<HostileCase> all() {
    List<HostileCase> all = new ArrayList<>();
    String documents = "/api/v1/knowledge-bases/" + Seed.VICTIM + "/documents/";
    for (String id : DOCUMENT_IDS) {
      all.add(rest("GET", documents + id));
      all.add(rest("GET", documents + id + "/chunks"));
      all.add(rest("DELETE", documents + id));
    }
    for (String id : List.of("%2e%2e", "..", "%2F", Seed.VICTIM + "%00", "x".repeat(300))) {
      all.add(rest("GET", "/api/v1/knowledge-bases/" + id));
    }
    for (String root : List.of("/api/v1/ingest-jobs/", "/api/v1/fine-tunes/", "/api/v1/adapters/")) {
      for (String id : JOB_IDS) {
        all.add(rest("GET", root + id));
        all.add(rest("DELETE", root + id));
      }
    }
    for (String id : List.of("%2e%2e", "..%2F..%2Fapi%2Fv1%2Fknowledge-bases", "a%00b", "rag:" + Seed.VICTIM + "%2F..")) {
      all.add(new HostileCase("/v1 GET /v1/models/" + shorten(id), () -> Seed.restoreVictim(http),
          () -> Expect.openAiError(http.get("/v1/models/" + id), null)));
    }
    // The victim goes last: a DELETE that reaches it would change every later result.
    all.add(rest("DELETE", "/api/v1/knowledge-bases/%2e%2e"));
    all.add(rest("DELETE", "/api/v1/knowledge-bases/" + Seed.VICTIM + "%00"));
    return all;
  }

  private HostileCase rest(String method, String path) {
    return new HostileCase("REST " + method + " " + shorten(path), () -> Seed.restoreVictim(http),
        () -> Expect.problem(http.send(method, path, null, null, Map.of()), null));
  }

  private static String shorten(String path) {
    return path.replaceAll("x{300}", "x*300");
  }
}
