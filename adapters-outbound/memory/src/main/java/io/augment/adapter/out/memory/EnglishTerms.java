package io.augment.adapter.out.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits English text into index terms: lowercase runs of letters and digits, without possessive
 * {@code 's}, without the stop words Lucene's {@code EnglishAnalyzer} drops, plurals reduced by
 * Harman's S-stemmer ({@code ferries -> ferry}, {@code tides -> tide}, {@code dogs -> dog}).
 * Lighter than Porter: {@code barking} and {@code bark} stay different terms.
 */
final class EnglishTerms {

  private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s\\b");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
  private static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
      "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
      "will", "with");

  private EnglishTerms() {}

  /** The terms of {@code text} in order, repeats kept. */
  static List<String> of(String text) {
    String words = POSSESSIVE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    List<String> terms = new ArrayList<>();
    for (String word : NON_WORD.split(words)) {
      if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
        terms.add(stem(word));
      }
    }
    return terms;
  }

  /** Harman's S-stemmer, left alone on words of three letters or fewer ({@code gas}, {@code bus}). */
  static String stem(String word) {
    if (word.length() <= 3) {
      return word;
    }
    if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("es") && !word.endsWith("aes") && !word.endsWith("ees") && !word.endsWith("oes")) {
      return word.substring(0, word.length() - 1);
    }
    if (word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
