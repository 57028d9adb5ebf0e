package io.augment.application.evaluation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Per-question measures, as the SQuAD evaluation script defines them: answers and references are
 * compared after {@link #normalise} (citation markers such as {@code [1]} removed, lower case,
 * punctuation removed, the articles a/an/the removed, whitespace collapsed). Retrieval measures
 * compare document ids.
 */
public final class AnswerMetrics {
  private static final Pattern CITATION = Pattern.compile("\\[\\s*\\d+(\\s*,\\s*\\d+)*\\s*]");
  /** Unicode punctuation, plus the ASCII symbols SQuAD's {@code string.punctuation} also removes. */
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}$+<=>^`|~]");
  private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Set<String> ARTICLES = Set.of("a", "an", "the");

  private AnswerMetrics() {}

  /** The text SQuAD compares: NFC, markers gone, lower case, no punctuation or articles, single spaces. */
  public static String normalise(String text) {
    return String.join(" ", tokens(text));
  }

  /** The normalised text's words, in order. */
  public static List<String> tokens(String text) {
    if (text == null) {
      return List.of();
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    s = CITATION.matcher(s).replaceAll(" ");
    s = PUNCTUATION.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    List<String> words = new ArrayList<>();
    for (String word : SPACE.split(s)) {
      if (!word.isEmpty() && !ARTICLES.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  /** 1 when the normalised answer equals a normalised reference, else 0. */
  public static double exactMatch(String answer, Collection<String> references) {
    String a = normalise(answer);
    return references.stream().anyMatch(r -> normalise(r).equals(a)) ? 1 : 0;
  }

  /** The best token F1 of the answer against any reference (0 when there is none). */
  public static double f1(String answer, Collection<String> references) {
    List<String> a = tokens(answer);
    return references.stream().mapToDouble(r -> tokenF1(a, tokens(r))).max().orElse(0);
  }

  /**
   * Whether a normalised reference appears in the normalised answer as whole words ({@code cat} is
   * not in {@code concatenate}); a reference that normalises to nothing is in an empty answer only.
   */
  public static boolean contains(String answer, Collection<String> references) {
    String a = " " + normalise(answer) + " ";
    for (String reference : references) {
      String r = normalise(reference);
      if (r.isEmpty() ? a.isBlank() : a.contains(" " + r + " ")) {
        return true;
      }
    }
    return false;
  }

  /** Share of the distinct gold ids found among the retrieved, or null when there are no gold ids. */
  public static Double recallAtK(List<String> retrieved, Collection<String> gold) {
    Set<String> wanted = new LinkedHashSet<>(gold);
    if (wanted.isEmpty()) {
      return null;
    }
    long found = wanted.stream().filter(retrieved::contains).count();
    return (double) found / wanted.size();
  }

  /** 1/rank of the first retrieved gold id (0 when none is retrieved), or null when there are no gold ids. */
  public static Double reciprocalRank(List<String> retrieved, Collection<String> gold) {
    if (gold.isEmpty()) {
      return null;
    }
    for (int i = 0; i < retrieved.size(); i++) {
      if (gold.contains(retrieved.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0.0;
  }

  /** Whether a document the answer cites is a gold one, or null when there are no gold ids. */
  public static Boolean citesGold(Collection<String> citedDocuments, Collection<String> gold) {
    if (gold.isEmpty()) {
      return null;
    }
    return citedDocuments.stream().anyMatch(gold::contains);
  }

  /** SQuAD's F1: both empty is 1, one empty is 0, else the harmonic mean over the shared tokens (with repeats). */
  static double tokenF1(List<String> answer, List<String> reference) {
    if (answer.isEmpty() || reference.isEmpty()) {
      return answer.isEmpty() && reference.isEmpty() ? 1 : 0;
    }
    Map<String, Integer> counts = new HashMap<>();
    reference.forEach(t -> counts.merge(t, 1, Integer::sum));
    int common = 0;
    for (String token : answer) {
      Integer left = counts.get(token);
      if (left != null && left > 0) {
        counts.put(token, left - 1);
        common++;
      }
    }
    if (common == 0) {
      return 0;
    }
    double precision = (double) common / answer.size();
    double recall = (double) common / reference.size();
    return 2 * precision * recall / (precision + recall);
  }
}
