package io.augment.application.benchmark;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Exact match as SQuAD scores it (lower case, punctuation and the articles a/an/the removed,
 * whitespace collapsed), after citation markers such as {@code [1]} are removed, so that a reader
 * answering {@code Velmora [2]} matches the reference {@code Velmora}.
 */
public final class AnswerMatch {
  private static final Pattern CITATION = Pattern.compile("\\[\\d+]");
  private static final Pattern PUNCTUATION = Pattern.compile("\\p{Punct}");
  private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");

  private AnswerMatch() {}

  public static String normalised(String text) {
    String t = CITATION.matcher(text == null ? "" : text).replaceAll(" ").toLowerCase(Locale.ROOT);
    t = PUNCTUATION.matcher(t).replaceAll(" ");
    t = ARTICLES.matcher(t).replaceAll(" ");
    return t.strip().replaceAll("\\s+", " ");
  }

  public static boolean exact(String answer, String reference) {
    return normalised(answer).equals(normalised(reference));
  }
}
