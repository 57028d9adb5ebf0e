package io.augment.application.ingest;

/** Tells text a reader can see from text made only of whitespace, format (zero-width) and control characters. */
final class VisibleText {
  private VisibleText() {}

  static boolean hasVisible(String text) {
    return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
        && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.CONTROL);
  }
}
