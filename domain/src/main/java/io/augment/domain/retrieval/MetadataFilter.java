package io.augment.domain.retrieval;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A condition on chunk metadata. The reserved key {@link #DOCUMENT_ID} matches the chunk's
 * document id. Keys are compared exactly; values as strings. A chunk without the key never matches.
 * List-valued metadata (e.g. tags) is stored as one comma-separated string; {@link AnyOf} matches
 * its elements. Dates are ISO-8601 strings, so {@link Range} compares them correctly.
 */
public sealed interface MetadataFilter {

  String DOCUMENT_ID = "documentId";

  /** Matches every chunk. */
  MetadataFilter ALL = new And(List.of());

  boolean test(String documentId, java.util.Map<String, String> metadata);

  static MetadataFilter eq(String key, String value) {
    return new In(key, Set.of(value));
  }

  static MetadataFilter in(String key, Set<String> values) {
    return new In(key, values);
  }

  /** The comma-separated list under {@code key} (e.g. {@code tags}) contains one of {@code values}. */
  static MetadataFilter anyOf(String key, Set<String> values) {
    return new AnyOf(key, values);
  }

  /** {@code from <= value <= to} by string order; either bound may be null (open). */
  static MetadataFilter range(String key, String from, String to) {
    return new Range(key, from, to);
  }

  static MetadataFilter and(List<MetadataFilter> filters) {
    return filters.size() == 1 ? filters.get(0) : new And(filters);
  }

  /** The chunk's value for {@code key} is one of {@code values}. */
  record In(String key, Set<String> values) implements MetadataFilter {
    public In {
      Objects.requireNonNull(key, "key");
      values = Set.copyOf(values);
      if (values.isEmpty()) {
        throw new io.augment.domain.model.InvalidInputException("filter." + key, "needs at least one value");
      }
    }

    @Override
    public boolean test(String documentId, java.util.Map<String, String> metadata) {
      String actual = DOCUMENT_ID.equals(key) ? documentId : metadata.get(key);
      return actual != null && values.contains(actual);
    }
  }

  /** Every filter matches; an empty list matches everything. */
  record And(List<MetadataFilter> filters) implements MetadataFilter {
    public And {
      filters = List.copyOf(filters);
    }

    @Override
    public boolean test(String documentId, java.util.Map<String, String> metadata) {
      return filters.stream().allMatch(f -> f.test(documentId, metadata));
    }
  }

  /** One element of the comma-separated list under {@code key} (trimmed) is one of {@code values}. */
  record AnyOf(String key, Set<String> values) implements MetadataFilter {
    public AnyOf {
      Objects.requireNonNull(key, "key");
      values = Set.copyOf(values);
      if (values.isEmpty()) {
        throw new io.augment.domain.model.InvalidInputException("filter." + key, "needs at least one value");
      }
    }

    @Override
    public boolean test(String documentId, java.util.Map<String, String> metadata) {
      String actual = DOCUMENT_ID.equals(key) ? documentId : metadata.get(key);
      if (actual == null) {
        return false;
      }
      for (String element : actual.split(",")) {
        if (values.contains(element.strip())) {
          return true;
        }
      }
      return false;
    }
  }

  /** The value under {@code key} lies between {@code from} and {@code to} inclusive, by string order. */
  record Range(String key, String from, String to) implements MetadataFilter {
    public Range {
      Objects.requireNonNull(key, "key");
      if (from == null && to == null) {
        throw new io.augment.domain.model.InvalidInputException("filter." + key, "a range needs 'from' or 'to'");
      }
    }

    @Override
    public boolean test(String documentId, java.util.Map<String, String> metadata) {
      String actual = DOCUMENT_ID.equals(key) ? documentId : metadata.get(key);
      return actual != null && (from == null || actual.compareTo(from) >= 0) && (to == null || actual.compareTo(to) <= 0);
    }
  }
}
