package io.augment.adapter.in.rest;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;

/** Query parameters read from their text, so a bad one is a 400 naming it (JAX-RS would answer 404). */
final class QueryParams {
  private QueryParams() {}

  /** {@code value} as an integer in {@code [min, max]}; absent or blank gives {@code fallback}. */
  static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be an integer between " + min + " and " + max);
    }
    return Limits.between(name, parsed, min, max);
  }

  /** {@code value} as a long in {@code [min, max]}; absent or blank gives {@code fallback}. */
  static long longInteger(String name, String value, long fallback, long min, long max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException(name, "must be an integer between " + min + " and " + max);
  }
}
