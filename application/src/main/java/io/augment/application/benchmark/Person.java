package io.augment.application.benchmark;

/**
 * One fictional person: an invented name and invented facts no model can know beforehand.
 *
 * @param id       document id of the person's canonical document, e.g. {@code a-0007}
 * @param name     invented full name, unique across all parts of a world
 * @param city     invented birthplace
 * @param year     year of birth, four digits
 * @param employer invented company
 * @param field    invented field of study
 */
public record Person(String id, String name, String city, String year, String employer, String field) {

  /** The value of one attribute. */
  public String value(Attribute attribute) {
    return switch (attribute) {
      case BIRTHPLACE -> city;
      case BIRTH_YEAR -> year;
      case EMPLOYER -> employer;
      case FIELD -> field;
    };
  }
}
