package io.augment.domain.model;

/**
 * The caller is authenticated but its key's scope does not allow the operation (a {@code read} key
 * asked to write, say). Never used to hide another tenant's resource: that is a
 * {@link NotFoundException}. REST maps it to 403, gRPC to PERMISSION_DENIED.
 */
public class PermissionDeniedException extends AugmentException {
  public PermissionDeniedException(String message) {
    super(message);
  }
}
