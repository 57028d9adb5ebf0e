package io.augment.domain.model;

/** A request carries more data than the configured limit allows. Nothing was changed. */
public class PayloadTooLargeException extends AugmentException {
  public PayloadTooLargeException(String what, long size, long limit) {
    super(what + " is " + size + " bytes; the limit is " + limit + " bytes");
  }
}
