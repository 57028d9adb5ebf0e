package io.augment.domain.model;

/**
 * The server is configured without the capability a request needs (fine-tuning with
 * {@code augment.fine-tuning.provider=none}, say): 501 over HTTP, UNIMPLEMENTED over gRPC.
 */
public class NotImplementedException extends AugmentException {
  public NotImplementedException(String message) {
    super(message);
  }
}
