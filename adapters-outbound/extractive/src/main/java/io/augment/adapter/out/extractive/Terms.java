package io.augment.adapter.out.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Content words of a text: lowercase, stop words removed, reduced to a light stem. */
final class Terms {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> STOP_WORDS = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
      "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
      "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
      "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
      "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now",
      "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she",
      "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
      "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
      "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "will", "with",
      "would", "you", "your", "yours", "s", "t", "name", "called", "many", "much", "kind", "type");

  private Terms() {}

  static List<String> of(String text) {
    List<String> terms = new ArrayList<>();
    for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
        terms.add(stem(word));
      }
    }
    return terms;
  }

  /** A light suffix stripper: enough to match "elected"/"elects"/"election" with "elect". */
  static String stem(String word) {
    if (word.length() <= 3 || !Character.isLetter(word.charAt(0))) {
      return word;
    }
    String w = word;
    if (w.endsWith("ies") && w.length() > 4) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("sses")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    for (String suffix : new String[] {"ations", "ation", "ions", "ion", "ings", "ing", "ed", "ers", "er", "ly"}) {
      if (w.endsWith(suffix) && w.length() - suffix.length() >= 4) {
        return undouble(w.substring(0, w.length() - suffix.length()));
      }
    }
    return w.endsWith("e") && w.length() > 4 ? w.substring(0, w.length() - 1) : w;
  }

  private static String undouble(String w) {
    int n = w.length();
    boolean doubled = n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0;
    return doubled ? w.substring(0, n - 1) : w;
  }
}
