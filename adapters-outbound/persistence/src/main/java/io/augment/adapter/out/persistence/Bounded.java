package io.augment.adapter.out.persistence;

import io.augment.domain.model.InvalidInputException;

/** Fits texts to their columns: refuses what identifies something, cuts what only explains. */
final class Bounded {
  private Bounded() {}

  /** {@code value} unchanged, or {@link InvalidInputException} naming {@code field} when longer than {@code max}. */
  static String checked(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(field, "has " + value.length() + " characters; at most " + max + " are allowed");
    }
    return value;
  }

  /** The first {@code max} characters of {@code value}, never splitting a surrogate pair. */
  static String cut(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }
}
