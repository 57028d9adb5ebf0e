package io.augment.domain.model;

/** A resource with this name already exists; the stored one is unchanged. */
public class AlreadyExistsException extends ConflictException {
  public AlreadyExistsException(String kind, String name) {
    super(kind + " '" + name + "' already exists");
  }
}
