package io.augment.application.benchmark;

/** The facts every {@link Person} has. */
public enum Attribute {
  BIRTHPLACE, BIRTH_YEAR, EMPLOYER, FIELD
}
