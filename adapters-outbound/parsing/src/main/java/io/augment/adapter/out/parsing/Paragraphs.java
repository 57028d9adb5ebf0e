package io.augment.adapter.out.parsing;

import java.util.regex.Pattern;

/** Puts extracted text in the port's shape: one blank line between paragraphs, no stray spaces. */
final class Paragraphs {
  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\f]");
  private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x0B\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+");
  private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private Paragraphs() {}

  static String normalize(String text) {
    String t = LINE_BREAK.matcher(text).replaceAll("\n");
    t = HORIZONTAL_SPACE.matcher(t).replaceAll(" ");
    t = SPACE_AROUND_NEWLINE.matcher(t).replaceAll("\n");
    t = BLANK_LINES.matcher(t).replaceAll("\n\n");
    return t.strip();
  }

  /** {@code title} stripped, or null when blank. */
  static String titleOrNull(String title) {
    return title == null || title.isBlank() ? null : HORIZONTAL_SPACE.matcher(title.strip()).replaceAll(" ");
  }
}
