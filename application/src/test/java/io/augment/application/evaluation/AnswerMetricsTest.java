package io.augment.application.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMetricsTest {

  @Test
  void normalisesAsSquadDoesAndDropsCitationMarkers() {
    assertThat(AnswerMetrics.normalise("The  Moon's pull[1], mostly [2, 3]!")).isEqualTo("moons pull mostly");
    assertThat(AnswerMetrics.normalise("An apple a day\tkeeps\n the doctor away.")).isEqualTo("apple day keeps doctor away");
    assertThat(AnswerMetrics.normalise("theory and atheist")).isEqualTo("theory and atheist");
    assertThat(AnswerMetrics.normalise("$5 + 3 = <8> ~ `ok` | ^")).isEqualTo("5 3 8 ok");
  }

  @Test
  void normalisesUnicodeCaseQuotesSpacesAndComposedForms() {
    // "Café" with a combining accent equals the precomposed one; curly quotes and a no-break space go.
    assertThat(AnswerMetrics.normalise("CAFE\u0301\u00a0\u201cnaïve\u201d")).isEqualTo("caf\u00e9 naïve");
    assertThat(AnswerMetrics.exactMatch("Ærøskøbing.", List.of("ærøskøbing"))).isEqualTo(1);
    assertThat(AnswerMetrics.normalise("東京 — 日本")).isEqualTo("東京 日本");
  }

  @Test
  void exactMatchIsOneWhenAnyReferenceMatchesAfterNormalising() {
    assertThat(AnswerMetrics.exactMatch("The Moon [1].", List.of("sun", "moon"))).isEqualTo(1);
    assertThat(AnswerMetrics.exactMatch("the full moon", List.of("moon"))).isEqualTo(0);
  }

  @Test
  void anEmptyAnswerScoresNothingAgainstARealReference() {
    assertThat(AnswerMetrics.exactMatch("", List.of("moon"))).isEqualTo(0);
    assertThat(AnswerMetrics.f1("", List.of("moon"))).isEqualTo(0);
    assertThat(AnswerMetrics.contains("", List.of("moon"))).isFalse();
    assertThat(AnswerMetrics.f1(null, List.of("moon"))).isEqualTo(0);
  }

  @Test
  void anAnswerOfOnlyArticlesIsEmptyAfterNormalisingAndMatchesOnlyAnArticleOnlyReference() {
    assertThat(AnswerMetrics.normalise("The a, an.")).isEmpty();
    assertThat(AnswerMetrics.f1("the a an", List.of("moon"))).isEqualTo(0);
    assertThat(AnswerMetrics.contains("the a an", List.of("moon"))).isFalse();
    // SQuAD's rule: two empty texts are equal (F1 1).
    assertThat(AnswerMetrics.exactMatch("The", List.of("a"))).isEqualTo(1);
    assertThat(AnswerMetrics.f1("The", List.of("a"))).isEqualTo(1);
    // A reference that normalises to nothing is not "contained" in every answer.
    assertThat(AnswerMetrics.contains("the moon", List.of("the"))).isFalse();
  }

  @Test
  void tokenF1CountsSharedTokensWithRepeatsAndTakesTheBestReference() {
    // answer: moon moon pull (3), reference: moon pull tides (3): common = moon, pull = 2 -> p = r = 2/3.
    assertThat(AnswerMetrics.f1("moon moon pull", List.of("moon pull tides"))).isCloseTo(2.0 / 3, within(1e-12));
    // duplicates count once each side: answer "moon moon" vs "moon": p = 1/2, r = 1 -> 2/3.
    assertThat(AnswerMetrics.f1("moon moon", List.of("moon"))).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(AnswerMetrics.f1("moon", List.of("moon moon"))).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(AnswerMetrics.f1("the moon pulls", List.of("sun", "Moon pulls.", "moon"))).isEqualTo(1);
    assertThat(AnswerMetrics.f1("sun", List.of("moon"))).isEqualTo(0);
    assertThat(AnswerMetrics.f1("moon", List.of())).isEqualTo(0);
  }

  @Test
  void containsMatchesWholeWordsOnly() {
    assertThat(AnswerMetrics.contains("Tides follow the Moon [1].", List.of("the moon"))).isTrue();
    assertThat(AnswerMetrics.contains("They concatenate strings", List.of("cat"))).isFalse();
    assertThat(AnswerMetrics.contains("a cat sat", List.of("dog", "cat sat"))).isTrue();
  }

  @Test
  void recallIsTheShareOfDistinctGoldDocumentsRetrieved() {
    assertThat(AnswerMetrics.recallAtK(List.of("a", "x", "b"), List.of("a", "b", "c", "d"))).isEqualTo(0.5);
    assertThat(AnswerMetrics.recallAtK(List.of("a"), List.of("a", "a"))).isEqualTo(1.0);
    assertThat(AnswerMetrics.recallAtK(List.of(), List.of("a"))).isEqualTo(0.0);
    assertThat(AnswerMetrics.recallAtK(List.of("a"), List.of())).isNull();
  }

  @Test
  void reciprocalRankIsOneOverTheRankOfTheFirstGoldDocument() {
    assertThat(AnswerMetrics.reciprocalRank(List.of("x", "y", "b", "a"), List.of("a", "b"))).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(AnswerMetrics.reciprocalRank(List.of("a"), List.of("a"))).isEqualTo(1.0);
    assertThat(AnswerMetrics.reciprocalRank(List.of("x"), List.of("a"))).isEqualTo(0.0);
    assertThat(AnswerMetrics.reciprocalRank(List.of("a"), List.of())).isNull();
  }

  @Test
  void citesGoldWhenACitedSourceIsAGoldDocument() {
    assertThat(AnswerMetrics.citesGold(List.of("x", "a"), List.of("a"))).isTrue();
    assertThat(AnswerMetrics.citesGold(List.of("x"), List.of("a"))).isFalse();
    assertThat(AnswerMetrics.citesGold(List.of(), List.of("a"))).isFalse();
    assertThat(AnswerMetrics.citesGold(List.of("a"), List.of())).isNull();
  }
}
