package io.augment.adapter.in.http;

/** The URL spaces the edge guards: the REST API and the OpenAI-compatible API. */
final class EdgePaths {
  private EdgePaths() {}

  static boolean isApi(String path) {
    return under(path, "/api") || isOpenAi(path);
  }

  static boolean isOpenAi(String path) {
    return under(path, "/v1");
  }

  private static boolean under(String path, String root) {
    return path != null && (path.equals(root) || path.startsWith(root + "/"));
  }
}
