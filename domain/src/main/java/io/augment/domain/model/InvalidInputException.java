package io.augment.domain.model;

/**
 * A request value breaks a rule; {@link #field()} names it as the request spells it, and
 * {@link #reason()} says what is wrong in plain words. Nothing was changed.
 */
public class InvalidInputException extends AugmentException {
  private final String field;
  private final String reason;

  public InvalidInputException(String field, String reason) {
    super(field == null ? reason : field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The offending request field, e.g. {@code metadata.lang} or {@code documents[2].title}; may be null. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field name. */
  public String reason() {
    return reason;
  }

  /** The same error reported under another field name, e.g. one prefixed with {@code documents[2].}. */
  public InvalidInputException withField(String field) {
    return new InvalidInputException(field, reason);
  }
}
