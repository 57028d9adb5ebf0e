package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Json.MISSING;

import io.augment.bootstrap.hostile.Json.Raw;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bad values for one field, by the field's kind; each is a label for the case name and the value to send. */
final class Mutations {
  /** Zero-width space, non-joiner, joiner and BOM: text that is there but shows nothing. */
  static final String ZERO_WIDTH = "\u200b\u200c\u200d\ufeff";

  private Mutations() {}

  /** {@code namesField}: whether the refusal can be expected to name the field (not for tokens JSON has no place for). */
  record Mutation(String label, Object value, boolean namesField) {
    Mutation(String label, Object value) {
      this(label, value, true);
    }
  }

  /** A string the request cannot do without, at most {@code max} characters (0: no length rule tested). */
  static List<Mutation> requiredText(int max) {
    List<Mutation> m = new ArrayList<>(List.of(
        new Mutation("missing", MISSING), new Mutation("null", null), new Mutation("empty", ""),
        new Mutation("blank", "   "), new Mutation("zero-width only", ZERO_WIDTH)));
    m.addAll(optionalText(max));
    return m;
  }

  /** A string that may be left out but, when given, must be a string of at most {@code max} characters. */
  static List<Mutation> optionalText(int max) {
    List<Mutation> m = new ArrayList<>(List.of(
        new Mutation("an object", Map.of("a", "b")), new Mutation("an array", List.of("a"))));
    if (max > 0) {
      m.add(new Mutation("one over " + max + " characters", "x".repeat(max + 1)));
    }
    return m;
  }

  /** One of a fixed set of lowercase names. */
  static List<Mutation> enumeration() {
    return List.of(new Mutation("unknown value", "psychic"), new Mutation("an object", Map.of("a", "b")));
  }

  /** An integer in [{@code min}, {@code max}]. */
  static List<Mutation> count(int min, int max) {
    List<Mutation> m = new ArrayList<>(List.of(
        new Mutation("a string", "abc"), new Mutation("below " + min, min - 1),
        new Mutation("above " + max, max + 1), new Mutation("past int range", new Raw("2147483648"))));
    if (min - 1 != -1) {
      m.add(new Mutation("negative", -1));
    }
    if (min - 1 != 0 && min > 0) {
      m.add(new Mutation("zero", 0));
    }
    if (max + 1 != Integer.MAX_VALUE) {
      m.add(new Mutation("huge", Integer.MAX_VALUE));
    }
    return m;
  }

  /** A finite number in [{@code min}, {@code max}]. */
  static List<Mutation> ratio(double min, double max) {
    return List.of(new Mutation("a string", "hot"), new Mutation("below " + min, min - 0.5),
        new Mutation("above " + max, max + 0.5), new Mutation("NaN", new Raw("NaN"), false),
        new Mutation("\"NaN\" as a string", "NaN"), new Mutation("Infinity", new Raw("Infinity"), false),
        new Mutation("1e309 (overflows to infinity)", new Raw("1e309")));
  }

  /** A boolean. */
  static List<Mutation> flag() {
    return List.of(new Mutation("a string", "abc"), new Mutation("an object", Map.of("a", "b")));
  }

  /** A JSON object. */
  static List<Mutation> object() {
    return List.of(new Mutation("an array", List.of("a")), new Mutation("a string", "abc"));
  }
}
