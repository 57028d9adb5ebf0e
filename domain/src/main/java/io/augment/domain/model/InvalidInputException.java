package io.augment.domain.model;

/** A request value breaks a rule; {@link #field()} names it. Nothing was changed. */
public class InvalidInputException extends AugmentException {
  private final String field;

  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
