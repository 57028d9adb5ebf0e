package io.augment.application.evaluation.report;

import io.augment.domain.model.InvalidInputException;

/**
 * An extra part of a report, such as the knowledge-injection benchmark's findings, rendered after
 * the measures in both the Markdown and the HTML report.
 *
 * <p>{@code markdown} may hold paragraphs, {@code -} or {@code *} bullet lists, pipe tables (a
 * header row, a {@code |---|} row, then rows) and {@code #} headings, separated by blank lines;
 * inline {@code **bold**}, {@code `code`} and backslash escapes. Anything else is shown as text:
 * raw HTML never passes through. Put untrusted text (a question, an answer) in through
 * {@link #escape} so it cannot break a table or start a list.
 *
 * @param title    the section's heading, 1 to {@value #MAX_TITLE} characters
 * @param markdown its body, at most {@value #MAX_MARKDOWN} characters, may be empty
 */
public record ReportSection(String title, String markdown) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_MARKDOWN = 1_000_000;

  public ReportSection {
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("sections", "a section needs a title");
    }
    if (title.length() > MAX_TITLE) {
      throw new InvalidInputException("sections", "a section title has at most " + MAX_TITLE + " characters");
    }
    markdown = markdown == null ? "" : markdown;
    if (markdown.length() > MAX_MARKDOWN) {
      throw new InvalidInputException("sections", "a section has at most " + MAX_MARKDOWN + " characters");
    }
  }

  /** {@code text} as literal Markdown inline text, safe in a table cell (line breaks become spaces). */
  public static String escape(String text) {
    return Text.markdown(text);
  }
}
