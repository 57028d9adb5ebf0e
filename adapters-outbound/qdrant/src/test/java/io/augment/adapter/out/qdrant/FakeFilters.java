package io.augment.adapter.out.qdrant;

import io.grpc.Status;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.List;
import java.util.Map;

/**
 * Qdrant's filter semantics, for the conditions the adapter sends: {@code must} all hold,
 * {@code should} at least one when there are any, {@code must_not} none, {@code min_should} at least
 * that many; nested filters; keyword and integer matches (single or any-of) and numeric ranges. A
 * field condition holds when any value of the field (an array counts value by value) satisfies it;
 * a missing field satisfies nothing. Anything else is refused as UNIMPLEMENTED, so the fake never
 * guesses.
 */
final class FakeFilters {

  private FakeFilters() {}

  static boolean matches(Filter filter, Map<String, Value> payload) {
    return filter.getMustList().stream().allMatch(c -> matches(c, payload))
        && (filter.getShouldCount() == 0 || filter.getShouldList().stream().anyMatch(c -> matches(c, payload)))
        && filter.getMustNotList().stream().noneMatch(c -> matches(c, payload))
        && (!filter.hasMinShould() || filter.getMinShould().getConditionsList().stream()
            .filter(c -> matches(c, payload)).count() >= filter.getMinShould().getMinCount());
  }

  private static boolean matches(Condition condition, Map<String, Value> payload) {
    return switch (condition.getConditionOneOfCase()) {
      case FIELD -> matches(condition.getField(), payload);
      case FILTER -> matches(condition.getFilter(), payload);
      default -> throw unimplemented("condition " + condition.getConditionOneOfCase());
    };
  }

  private static boolean matches(FieldCondition field, Map<String, Value> payload) {
    if (field.getKey().contains(".") || field.getKey().contains("[")) {
      throw unimplemented("nested payload keys (" + field.getKey() + ")");
    }
    List<Value> values = values(payload.get(field.getKey()));
    if (field.hasMatch()) {
      return values.stream().anyMatch(v -> matches(field.getMatch(), v));
    }
    if (field.hasRange()) {
      return values.stream().anyMatch(v -> within(field.getRange(), v));
    }
    throw unimplemented("field condition " + field);
  }

  private static List<Value> values(Value value) {
    if (value == null || value.hasNullValue()) {
      return List.of();
    }
    return value.hasListValue() ? value.getListValue().getValuesList() : List.of(value);
  }

  private static boolean matches(Match match, Value value) {
    return switch (match.getMatchValueCase()) {
      case KEYWORD -> value.hasStringValue() && value.getStringValue().equals(match.getKeyword());
      case KEYWORDS -> value.hasStringValue() && match.getKeywords().getStringsList().contains(value.getStringValue());
      case INTEGER -> value.hasIntegerValue() && value.getIntegerValue() == match.getInteger();
      case INTEGERS -> value.hasIntegerValue() && match.getIntegers().getIntegersList().contains(value.getIntegerValue());
      default -> throw unimplemented("match " + match.getMatchValueCase());
    };
  }

  private static boolean within(Range range, Value value) {
    if (!value.hasIntegerValue() && !value.hasDoubleValue()) {
      return false;
    }
    double x = value.hasIntegerValue() ? (double) value.getIntegerValue() : value.getDoubleValue();
    return (!range.hasGt() || x > range.getGt()) && (!range.hasGte() || x >= range.getGte())
        && (!range.hasLt() || x < range.getLt()) && (!range.hasLte() || x <= range.getLte());
  }

  private static RuntimeException unimplemented(String what) {
    return FakeQdrantStore.error(Status.UNIMPLEMENTED, "FakeQdrantServer does not implement " + what);
  }
}
