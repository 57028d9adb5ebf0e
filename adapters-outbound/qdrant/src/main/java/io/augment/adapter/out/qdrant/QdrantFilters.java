package io.augment.adapter.out.qdrant;

import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.MetadataFilter;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Translates a {@link MetadataFilter} into Qdrant conditions that must all hold. {@code In} is a
 * keyword match on the value field, {@code AnyOf} one on the elements field, {@code And} the
 * concatenation of its parts, and {@code Range} a lexicographic comparison of rank groups
 * (see {@link PayloadFields#rankGroups}) spelled out with numeric ranges and integer matches.
 */
final class QdrantFilters {

  private QdrantFilters() {}

  static List<Condition> conditions(MetadataFilter filter) {
    List<Condition> all = new ArrayList<>();
    addConditions(filter, all);
    return all;
  }

  private static void addConditions(MetadataFilter filter, List<Condition> out) {
    if (filter instanceof MetadataFilter.And and) {
      and.filters().forEach(f -> addConditions(f, out));
    } else if (filter instanceof MetadataFilter.In in) {
      out.add(keywords(PayloadFields.value(in.key()), in.values()));
    } else if (filter instanceof MetadataFilter.AnyOf anyOf) {
      out.add(keywords(PayloadFields.elements(anyOf.key()), anyOf.values()));
    } else if (filter instanceof MetadataFilter.Range range) {
      if (range.from() != null) {
        out.add(compare(range.key(), bound(range.key(), range.from()), 0, true));
      }
      if (range.to() != null) {
        out.add(compare(range.key(), bound(range.key(), range.to()), 0, false));
      }
    } else {
      throw new IllegalArgumentException("unknown filter " + filter);
    }
  }

  private static Condition keywords(String field, Set<String> values) {
    return values.size() == 1 ? matchKeyword(field, values.iterator().next())
        : matchKeywords(field, values.stream().sorted().toList());
  }

  private static long[] bound(String key, String bound) {
    if (bound.length() > PayloadFields.MAX_RANGE_BOUND) {
      throw new InvalidInputException("filter." + key,
          "range bounds longer than " + PayloadFields.MAX_RANGE_BOUND + " characters are not supported by the Qdrant index");
    }
    return PayloadFields.rankGroups(bound, PayloadFields.MAX_RANK_GROUPS);
  }

  /** value >= bound (lower) or value <= bound, comparing groups from {@code group} on. */
  private static Condition compare(String key, long[] bound, int group, boolean lower) {
    String field = PayloadFields.rank(key, group);
    double at = bound[group];
    if (group == bound.length - 1) {
      return range(field, lower ? Range.newBuilder().setGte(at).build() : Range.newBuilder().setLte(at).build());
    }
    Condition beyond = range(field, lower ? Range.newBuilder().setGt(at).build() : Range.newBuilder().setLt(at).build());
    Condition tied = filter(Filter.newBuilder()
        .addMust(match(field, bound[group]))
        .addMust(compare(key, bound, group + 1, lower))
        .build());
    return filter(Filter.newBuilder().addShould(beyond).addShould(tied).build());
  }
}
