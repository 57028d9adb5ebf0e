package io.augment.adapter.out.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the answer's sentences and their order. The best sentence always; up to two more when they
 * score at least {@link #RELATIVE_SCORE} of it and fit the word budget. Sentences are grouped by
 * chunk, the chunk holding the best sentence first, and keep their order within it.
 */
final class Selection {
  static final int MAX_SENTENCES = Integer.getInteger("ms", 3);
  static final double RELATIVE_SCORE = Double.parseDouble(System.getProperty("rs", "0.6"));

  private Selection() {}

  static Answer of(List<Candidate> ranked, int maxWords) {
    Candidate best = ranked.get(0);
    if (best.words() > maxWords) {
      return new Answer(List.of(Words.first(best.text(), maxWords) + "… [" + best.citation() + "]"), true);
    }
    List<Candidate> chosen = new ArrayList<>(List.of(best));
    int words = best.words();
    for (Candidate c : ranked.subList(1, ranked.size())) {
      if (chosen.size() == MAX_SENTENCES || c.score() < RELATIVE_SCORE * best.score()) {
        break;
      }
      if (words + c.words() <= maxWords) {
        chosen.add(c);
        words += c.words();
      }
    }
    return new Answer(render(readingOrder(chosen)), false);
  }

  private static List<Candidate> readingOrder(List<Candidate> chosen) {
    Map<Integer, List<Candidate>> byChunk = new LinkedHashMap<>();
    chosen.forEach(c -> byChunk.computeIfAbsent(c.citation(), k -> new ArrayList<>()).add(c));
    List<Candidate> ordered = new ArrayList<>();
    byChunk.values().forEach(group -> {
      group.sort(Comparator.comparingInt(Candidate::position));
      ordered.addAll(group);
    });
    return ordered;
  }

  private static List<String> render(List<Candidate> sentences) {
    List<String> pieces = new ArrayList<>();
    for (Candidate c : sentences) {
      pieces.add((pieces.isEmpty() ? "" : " ") + c.text() + " [" + c.citation() + "]");
    }
    return pieces;
  }
}
