package io.augment.bootstrap.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object written field by field from literal JSON values, so one field can be swapped for junk. */
final class JsonObject {
  private final Map<String, String> fields = new LinkedHashMap<>();

  /** Alternating names and literal JSON values ({@code "\"text\""}, {@code "5"}, {@code "{...}"}). */
  static JsonObject of(String... namesAndValues) {
    JsonObject object = new JsonObject();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  /** A copy with {@code name} set to the literal {@code value} (null: without the field). */
  JsonObject with(String name, String value) {
    JsonObject copy = new JsonObject();
    copy.fields.putAll(fields);
    if (value == null) {
      copy.fields.remove(name);
    } else {
      copy.fields.put(name, value);
    }
    return copy;
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    fields.forEach((name, value) -> out.append(out.length() > 1 ? ", " : "").append(quote(name)).append(": ").append(value));
    return out.append('}').toString();
  }
}
