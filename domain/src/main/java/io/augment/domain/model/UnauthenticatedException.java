package io.augment.domain.model;

/**
 * The request carries no API key, or one that is unknown, revoked or expired. Nothing was done.
 * REST maps it to 401 (with {@code WWW-Authenticate: Bearer}), {@code /v1} to OpenAI's 401 shape,
 * gRPC to UNAUTHENTICATED.
 */
public class UnauthenticatedException extends AugmentException {
  public UnauthenticatedException(String message) {
    super(message);
  }
}
