package io.augment.adapter.in.openai;

/** The URL space of the OpenAI-compatible API. */
final class OpenAiPaths {
  static final String ROOT = "/v1";

  private OpenAiPaths() {}

  static boolean covers(String path) {
    return path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
  }
}
