package io.augment.adapter.out.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the answer's sentences and their order. The best sentence always; up to two more when they
 * score at least {@link #RELATIVE_SCORE} of it and fit the word budget; a chosen sentence opening
 * with a pronoun brings the sentence before it, which usually says whom it means. Sentences are
 * grouped by chunk, the chunk holding the best sentence first, and keep their order within it.
 */
final class Selection {
  static final int MAX_SENTENCES = 3;
  static final double RELATIVE_SCORE = 0.4;
  private static final Pattern OPENS_WITH_PRONOUN =
      Pattern.compile("^(He|She|It|They|This|These|Those|His|Her|Its|Their|The latter|The former)\\b");

  private final List<Candidate> ranked;
  private final int maxWords;
  private final List<Candidate> chosen = new ArrayList<>();
  private int words;

  private Selection(List<Candidate> ranked, int maxWords) {
    this.ranked = ranked;
    this.maxWords = maxWords;
  }

  static Answer of(List<Candidate> ranked, int maxWords) {
    Candidate best = ranked.get(0);
    if (best.words() > maxWords) {
      return new Answer(List.of(Words.first(best.text(), maxWords) + "… [" + best.citation() + "]"), true);
    }
    return new Selection(ranked, maxWords).choose(best);
  }

  private Answer choose(Candidate best) {
    add(best);
    for (Candidate c : ranked.subList(1, ranked.size())) {
      if (chosen.size() >= MAX_SENTENCES || c.score() < RELATIVE_SCORE * best.score()) {
        break;
      }
      add(c);
    }
    return new Answer(render(readingOrder()), false);
  }

  private void add(Candidate c) {
    if (chosen.contains(c) || words + c.words() > maxWords) {
      return;
    }
    chosen.add(c);
    words += c.words();
    if (OPENS_WITH_PRONOUN.matcher(c.text()).find() && chosen.size() < MAX_SENTENCES) {
      predecessor(c).ifPresent(this::add);
    }
  }

  private Optional<Candidate> predecessor(Candidate c) {
    return ranked.stream().filter(r -> r.citation() == c.citation() && r.position() == c.position() - 1).findFirst();
  }

  private List<Candidate> readingOrder() {
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
