package io.augment.adapter.in.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a raw (undecoded, unnormalised) path that could address another resource than the one
 * its ids name: a segment that is or decodes to {@code .} or {@code ..}, an encoded {@code /} or
 * {@code \}, a backslash or a NUL. Checked before routing, because routing normalises dot segments
 * after decoding them ({@code /documents/%2e%2e} would otherwise become the knowledge base).
 */
final class RawPath {
  /** The path parameter that follows each collection segment, to name it in the refusal. */
  private static final Map<String, String> PARAMETERS = Map.ofEntries(
      Map.entry("knowledge-bases", "kb"), Map.entry("documents", "id"), Map.entry("ingest-jobs", "id"),
      Map.entry("summary-jobs", "id"), Map.entry("fine-tunes", "id"), Map.entry("adapters", "name"),
      Map.entry("models", "model"), Map.entry("evaluation-sets", "name"), Map.entry("evaluations", "id"),
      Map.entry("files", "id"), Map.entry("jobs", "id"));
  private static final int ECHO = 40;

  private RawPath() {}

  static Optional<Refusal> check(String path) {
    if (path == null) {
      return Optional.empty();
    }
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String reason = reason(segments[i]);
      if (reason != null) {
        String field = PARAMETERS.getOrDefault(segments[i - 1], "path");
        String shown = segments[i].length() > ECHO ? segments[i].substring(0, ECHO) + "..." : segments[i];
        return Optional.of(new Refusal(400, "path segment '" + shown + "' " + reason
            + "; an id must not be '.' or '..' nor contain '/', '\\' or NUL, encoded or not", field));
      }
    }
    return Optional.empty();
  }

  private static String reason(String segment) {
    String lower = segment.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || lower.indexOf('\\') >= 0) {
      return "contains a path separator";
    }
    if (lower.contains("%00") || lower.indexOf('\0') >= 0) {
      return "contains NUL";
    }
    int matrix = lower.indexOf(';');
    String bare = (matrix >= 0 ? lower.substring(0, matrix) : lower).replace("%2e", ".");
    return bare.equals(".") || bare.equals("..") ? "is a dot segment" : null;
  }
}
