package io.augment.application.evaluation.report;

/** Escaping of untrusted text (questions, answers, names, errors) for HTML/XML and for Markdown. */
final class Text {
  private static final String MARKDOWN_SPECIAL = "\\`*_[]|~#";

  private Text() {}

  /**
   * Text safe inside an element or an attribute of HTML and of XML: {@code & < > " '} as entities,
   * characters XML cannot hold (controls, lone surrogates, U+FFFE/U+FFFF) as U+FFFD.
   */
  static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else {
            out.append(xmlAllowed(c) ? c : '\uFFFD');
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Text safe as Markdown inline content and as a table cell: Markdown's punctuation and
   * {@code |} backslash-escaped, {@code < > &} as entities (so {@code <script>} shows as text
   * and never appears raw), line breaks as spaces, characters XML cannot hold as U+FFFD.
   */
  static String markdown(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == '\t') {
        out.append(' ');
      } else if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (c == '<' || c == '>' || c == '&') {
        out.append(entity(c));
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(xmlAllowed(c) ? c : '\uFFFD');
      }
    }
    return out.toString();
  }

  /** {@code text} with line breaks as spaces and characters XML cannot hold as U+FFFD, nothing escaped. */
  static String markdownSafe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == '\t') {
        out.append(' ');
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(xmlAllowed(c) ? c : '\uFFFD');
      }
    }
    return out.toString();
  }

  /** At most {@code max} characters; a cut text ends in an ellipsis. */
  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  /** The HTML entity of {@code < > &}, which Markdown renders as the character. */
  static String entity(char c) {
    return c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&amp;";
  }

  private static boolean xmlAllowed(char c) {
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
  }
}
