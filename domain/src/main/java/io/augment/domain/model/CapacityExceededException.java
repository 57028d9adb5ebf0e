package io.augment.domain.model;

/**
 * The server has as much work of this kind waiting as its configured limit allows; retry later.
 * Nothing was changed. REST maps it to 429, gRPC to RESOURCE_EXHAUSTED.
 */
public class CapacityExceededException extends AugmentException {
  public CapacityExceededException(String message) {
    super(message);
  }
}
