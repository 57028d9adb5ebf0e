package io.augment.domain.model;

/** The named resource does not exist. */
public class NotFoundException extends AugmentException {
  public NotFoundException(String kind, String name) {
    super(kind + " '" + name + "' not found");
  }
}
