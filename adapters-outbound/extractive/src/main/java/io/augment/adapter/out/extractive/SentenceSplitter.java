package io.augment.adapter.out.extractive;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * English sentences of a text. The JDK's sentence rules keep decimals and "e.g. the" whole; this
 * adds what they miss: no break after a title or other abbreviation ("Dr. Smith") or an initial
 * ("J. Smith", "U.S. Army"), and always a break at a blank line.
 */
final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "gen", "col", "capt", "lt", "sgt", "gov", "sen",
      "rep", "pres", "mt", "ft", "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "ca", "no", "nos", "vol", "fig",
      "figs", "p", "pp", "ch", "sec", "ed", "eds", "inc", "ltd", "co", "corp", "bros", "dept", "univ", "est",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "a.d", "b.c");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
  private static final Pattern LAST_WORD = Pattern.compile("(?:^|.*[\\s(\\[\"'])([\\p{L}.]+)\\.$", Pattern.DOTALL);

  private SentenceSplitter() {}

  static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : PARAGRAPH_BREAK.split(text)) {
      splitParagraph(paragraph.replaceAll("\\s+", " ").strip(), sentences);
    }
    return sentences;
  }

  private static void splitParagraph(String paragraph, List<String> out) {
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    breaks.setText(paragraph);
    StringBuilder pending = new StringBuilder();
    for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      pending.append(paragraph, start, end);
      String candidate = pending.toString().strip();
      if (!candidate.isEmpty() && !endsWithAbbreviation(candidate)) {
        out.add(candidate);
        pending.setLength(0);
      }
    }
    if (!pending.toString().isBlank()) {
      out.add(pending.toString().strip());
    }
  }

  private static boolean endsWithAbbreviation(String sentence) {
    var m = LAST_WORD.matcher(sentence);
    if (!m.matches()) {
      return false;
    }
    String word = m.group(1);
    boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
    return initial || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }
}
