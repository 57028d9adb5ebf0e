package io.augment.domain.model;

/** No parser reads this media type. */
public class UnsupportedMediaTypeException extends AugmentException {
  public UnsupportedMediaTypeException(String mediaType, java.util.Collection<String> supported) {
    super("unsupported media type '" + mediaType + "'; supported: " + String.join(", ", supported));
  }
}
