package io.augment.bootstrap.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies built from maps, with values JSON cannot express ({@link Raw}) and absent fields ({@link #MISSING}). */
final class Json {
  /** Put under a field to leave the field out. */
  static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "MISSING";
    }
  };
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** JSON text written into the body as is: {@code NaN}, {@code 1e309}, deep nesting. */
  record Raw(String json) {}

  /** A copy of {@code base} with {@code path} (dot-separated, e.g. {@code training.epochs}) set to {@code value}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> with(Map<String, Object> base, String path, Object value) {
    Map<String, Object> copy = deepCopy(base);
    String[] parts = path.split("\\.");
    Map<String, Object> at = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      at = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
    }
    if (value == MISSING) {
      at.remove(parts[parts.length - 1]);
    } else {
      at.put(parts[parts.length - 1], value);
    }
    return copy;
  }

  /** A map in the given key order that may hold nulls: {@code map("k", null)}. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A list that may hold nulls. */
  static List<Object> list(Object... items) {
    List<Object> list = new ArrayList<>();
    for (Object item : items) {
      list.add(item);
    }
    return list;
  }

  static String write(Object body) {
    List<String> raws = new ArrayList<>();
    Object marked = mark(body, raws);
    try {
      String text = MAPPER.writeValueAsString(marked);
      for (int i = 0; i < raws.size(); i++) {
        text = text.replace("\"\\u0001raw" + i + "\"", raws.get(i));
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code depth} nested arrays. */
  static Raw nested(int depth) {
    return new Raw("[".repeat(depth) + "]".repeat(depth));
  }

  @SuppressWarnings("unchecked")
  private static Object mark(Object value, List<String> raws) {
    if (value instanceof Raw raw) {
      raws.add(raw.json());
      return "\u0001raw" + (raws.size() - 1);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, mark(v, raws)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(mark(v, raws)));
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }

  /** {@code count} keys {@code k0}, {@code k1}, ... all mapped to {@code value}. */
  static Map<String, Object> manyKeys(int count, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      map.put("k" + i, value);
    }
    return map;
  }

  /** {@code count} strings {@code v0}, {@code v1}, ... */
  static List<Object> manyValues(int count) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add("v" + i);
    }
    return values;
  }
}
