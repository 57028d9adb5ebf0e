package io.augment.domain.model;

/** Base of the errors Augment reports to callers; inbound adapters map each subtype to a status. */
public abstract class AugmentException extends RuntimeException {
  protected AugmentException(String message) {
    super(message);
  }

  protected AugmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
