package io.augment.domain.retrieval;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A condition on chunk metadata. The reserved key {@link #DOCUMENT_ID} matches the chunk's
 * document id. Keys are compared exactly; values as strings.
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
}
