package io.augment.application.ingest;

/** Tells text a reader can see from text made only of whitespace, format (zero-width) and control characters. */
final class VisibleText {
  private VisibleText() {}

  static boolean hasVisible(String text) {
    return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
        && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.CONTROL);
  }

  /** {@code text} cut to at most {@code max} chars without splitting a surrogate pair; null stays null. */
  static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end).strip();
  }
}
