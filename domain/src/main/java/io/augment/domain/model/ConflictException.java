package io.augment.domain.model;

/** The request contradicts stored state (already exists, or a different embedding model). */
public class ConflictException extends AugmentException {
  public ConflictException(String message) {
    super(message);
  }
}
