package io.augment.application.query;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import io.augment.domain.retrieval.MetadataFilter;
import java.util.Collection;

/**
 * Bounds a metadata filter before any index sees it: at most {@link Limits#FILTER_KEYS} keys, each
 * listing at most {@link Limits#FILTER_VALUES} values of at most {@link Limits#METADATA_VALUE}
 * characters (a larger filter would exceed Lucene's 1,024 clauses, or never match).
 */
final class FilterLimits {
  private FilterLimits() {}

  static MetadataFilter check(MetadataFilter filter) {
    if (filter instanceof MetadataFilter.And and) {
      if (and.filters().size() > Limits.FILTER_KEYS) {
        throw new InvalidInputException("filter", "must hold at most " + Limits.FILTER_KEYS + " keys, got "
            + and.filters().size());
      }
      and.filters().forEach(FilterLimits::check);
    } else if (filter instanceof MetadataFilter.In in) {
      values(in.key(), in.values());
    } else if (filter instanceof MetadataFilter.AnyOf anyOf) {
      values(anyOf.key(), anyOf.values());
    } else if (filter instanceof MetadataFilter.Range range) {
      key(range.key());
      value(range.key(), range.from());
      value(range.key(), range.to());
    }
    return filter;
  }

  private static void values(String key, Collection<String> values) {
    key(key);
    if (values.size() > Limits.FILTER_VALUES) {
      throw new InvalidInputException("filter." + key, "must list at most " + Limits.FILTER_VALUES + " values, got "
          + values.size());
    }
    values.forEach(v -> value(key, v));
  }

  private static void key(String key) {
    if (key.length() > Limits.METADATA_KEY) {
      throw new InvalidInputException("filter", "keys must be at most " + Limits.METADATA_KEY + " characters, got "
          + key.length());
    }
  }

  private static void value(String key, String value) {
    Limits.atMost("filter." + key, value, Limits.METADATA_VALUE);
  }
}
