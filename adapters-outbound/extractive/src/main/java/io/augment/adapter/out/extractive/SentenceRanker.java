package io.augment.adapter.out.extractive;

import io.augment.domain.augmentation.ContextChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores every sentence of the context against the question: the share of the question's term
 * weight it covers (IDF over the context's sentences, so rare words such as names and numbers
 * count most), plus small bonuses for holding the kind of answer asked for, for question terms in
 * the same order, and for a well-ranked chunk.
 */
final class SentenceRanker {
  static final double ANSWER_TYPE_BONUS = 0.15;
  static final double PHRASE_BONUS = 0.1;
  static final double RANK_BONUS = 0.05;

  private SentenceRanker() {}

  /** All sentences of {@code context}, best first. */
  static List<Candidate> rank(String question, List<ContextChunk> context) {
    List<String> questionTerms = Terms.of(question);
    Set<String> distinct = new LinkedHashSet<>(questionTerms);
    AnswerType type = AnswerType.of(question);

    List<Sentence> sentences = new ArrayList<>();
    for (ContextChunk chunk : context) {
      List<String> texts = SentenceSplitter.split(chunk.source().chunk().text());
      for (int i = 0; i < texts.size(); i++) {
        if (texts.size() == 1 || !isHeading(texts.get(i))) {
          sentences.add(Sentence.of(chunk.number(), i, texts.get(i)));
        }
      }
    }
    Map<String, Double> idf = idf(distinct, sentences);
    double questionWeight = distinct.stream().mapToDouble(idf::get).sum();

    List<Candidate> ranked = new ArrayList<>();
    for (Sentence s : sentences) {
      double covered = distinct.stream().filter(s.termSet::contains).mapToDouble(idf::get).sum();
      double score = questionWeight == 0 ? 0 : covered / questionWeight;
      if (type.foundIn(s.text, distinct)) {
        score += ANSWER_TYPE_BONUS;
      }
      score += PHRASE_BONUS * sharedBigrams(questionTerms, s.terms) / Math.max(1, questionTerms.size() - 1);
      score += RANK_BONUS / s.citation;
      ranked.add(new Candidate(s.citation, s.position, s.text, Words.count(s.text), score));
    }
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return ranked;
  }

  /** A title line (e.g. a Markdown heading kept as its own paragraph): short, no closing punctuation. */
  static boolean isHeading(String text) {
    String t = text.strip();
    return Words.count(t) < 8 && !t.isEmpty() && ".!?:;\"')]".indexOf(t.charAt(t.length() - 1)) < 0;
  }

  /** Smoothed inverse document frequency of each question term, sentences being the documents. */
  private static Map<String, Double> idf(Set<String> terms, List<Sentence> sentences) {
    Map<String, Double> idf = new HashMap<>();
    int n = sentences.size();
    for (String term : terms) {
      long df = sentences.stream().filter(s -> s.termSet.contains(term)).count();
      idf.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    return idf;
  }

  private static int sharedBigrams(List<String> question, List<String> sentence) {
    Set<String> bigrams = new HashSet<>();
    for (int i = 1; i < sentence.size(); i++) {
      bigrams.add(sentence.get(i - 1) + " " + sentence.get(i));
    }
    int shared = 0;
    for (int i = 1; i < question.size(); i++) {
      shared += bigrams.contains(question.get(i - 1) + " " + question.get(i)) ? 1 : 0;
    }
    return shared;
  }

  private record Sentence(int citation, int position, String text, List<String> terms, Set<String> termSet) {
    static Sentence of(int citation, int position, String text) {
      List<String> terms = Terms.of(text);
      return new Sentence(citation, position, text, terms, Set.copyOf(terms));
    }
  }
}
