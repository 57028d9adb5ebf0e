package io.augment.application.query;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.MetadataFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a filter given as parsed JSON, the same on every API: {@code {"key": "value"}},
 * {@code {"key": ["a", "b"]}} (any of the values), {@code {"key": {"anyOf": [...]}}} (a list-valued
 * field holding any of them) or {@code {"key": {"from": x, "to": y}}} (inclusive, string order);
 * keys are ANDed. Errors name the field as {@code filter.<key>}.
 */
public final class MetadataFilters {
  private MetadataFilters() {}

  public static MetadataFilter parse(Map<String, Object> json) {
    if (json == null || json.isEmpty()) {
      return MetadataFilter.ALL;
    }
    List<MetadataFilter> parts = new ArrayList<>();
    json.forEach((key, value) -> parts.add(condition(key, value)));
    return MetadataFilter.and(parts);
  }

  private static MetadataFilter condition(String key, Object value) {
    if (value instanceof Map<?, ?> object) {
      if (object.containsKey("anyOf")) {
        return MetadataFilter.anyOf(key, values(key, object.get("anyOf")));
      }
      if (object.containsKey("from") || object.containsKey("to")) {
        Object from = object.get("from");
        Object to = object.get("to");
        return MetadataFilter.range(key, from == null ? null : scalar(key, from), to == null ? null : scalar(key, to));
      }
      throw new InvalidInputException("filter." + key, "an object condition needs 'anyOf', or 'from' and/or 'to'");
    }
    return MetadataFilter.in(key, values(key, value));
  }

  private static Set<String> values(String key, Object value) {
    Set<String> values = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.forEach(v -> values.add(scalar(key, v)));
    } else {
      values.add(scalar(key, value));
    }
    return values;
  }

  private static String scalar(String key, Object v) {
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw new InvalidInputException("filter." + key, "values must be strings, numbers, booleans or a list of them");
  }
}
