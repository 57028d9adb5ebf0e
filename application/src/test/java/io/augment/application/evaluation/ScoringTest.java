package io.augment.application.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.augment.application.query.Citation;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.evaluation.Scores;
import io.augment.domain.generation.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private static final EvaluationQuestion WITH_GOLD = new EvaluationQuestion("Who?", List.of("Ada Lovelace"), List.of("ada", "babbage"));
  private static final EvaluationQuestion NO_GOLD = new EvaluationQuestion("Who?", List.of("Ada Lovelace"), List.of());

  private static Citation source(int n, String doc, boolean cited) {
    return new Citation(n, doc, doc + "#0", doc, 1.0 / n, "text", cited);
  }

  private static ContenderAnswer rag(String text, double ms, Citation... sources) {
    return new ContenderAnswer("rag:kb", "g", text, true, List.of(sources), new TokenUsage(100, 5), ms, null);
  }

  private static ContenderAnswer closed(String text, double ms) {
    return new ContenderAnswer("adapter:a", "engine", text, false, List.of(), new TokenUsage(10, 3), ms, null);
  }

  @Test
  void scoresARagAnswerOnTextRetrievalAndCitations() {
    QuestionResult r = Scoring.question("evaluation", 4, WITH_GOLD,
        rag("Ada Lovelace [2].", 12, source(1, "x", false), source(2, "ada", true), source(3, "ada", false)));

    assertThat(r.exactMatch()).isEqualTo(1);
    assertThat(r.f1()).isEqualTo(1);
    assertThat(r.contains()).isTrue();
    assertThat(r.retrieved()).containsExactly("x", "ada");
    assertThat(r.recallAtK()).isEqualTo(0.5);
    assertThat(r.reciprocalRank()).isEqualTo(0.5);
    assertThat(r.citedGold()).isTrue();
    assertThat(r.tokensIn()).isEqualTo(100);
    assertThat(r.tokensOut()).isEqualTo(5);
    assertThat(r.error()).isNull();
  }

  @Test
  void leavesRetrievalMeasuresNullForClosedBookAndForQuestionsWithoutGold() {
    QuestionResult closedBook = Scoring.question("evaluation", 0, WITH_GOLD, closed("Ada", 3));
    QuestionResult noGold = Scoring.question("evaluation", 0, NO_GOLD, rag("Ada", 3, source(1, "ada", true)));

    assertThat(closedBook.recallAtK()).isNull();
    assertThat(closedBook.reciprocalRank()).isNull();
    assertThat(closedBook.citedGold()).isNull();
    assertThat(closedBook.f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(noGold.recallAtK()).isNull();
    assertThat(noGold.citedGold()).isNull();
  }

  @Test
  void aFailedAnswerScoresZeroEverywhereAndKeepsItsReason() {
    ContenderAnswer failed = new ContenderAnswer("rag:kb", null, "", true, List.of(), null, 7, "backend down");
    // Even a reference that normalises to nothing does not make a failure an exact match.
    EvaluationQuestion articles = new EvaluationQuestion("Which?", List.of("the"), List.of("ada"));

    QuestionResult r = Scoring.question("evaluation", 0, articles, failed);

    assertThat(r.exactMatch()).isZero();
    assertThat(r.f1()).isZero();
    assertThat(r.contains()).isFalse();
    assertThat(r.recallAtK()).isZero();
    assertThat(r.reciprocalRank()).isZero();
    assertThat(r.citedGold()).isFalse();
    assertThat(r.error()).isEqualTo("backend down");
    assertThat(Scoring.question("evaluation", 0, WITH_GOLD,
        new ContenderAnswer("adapter:a", null, "", false, List.of(), null, 7, "down")).recallAtK()).isNull();
  }

  @Test
  void aggregatesMeansOverAllAnswersAndRetrievalOnlyWhereItApplies() {
    List<QuestionResult> results = List.of(
        Scoring.question("evaluation", 0, WITH_GOLD, rag("Ada Lovelace [1]", 10, source(1, "ada", true))),
        Scoring.question("evaluation", 1, WITH_GOLD, rag("Charles", 20, source(1, "x", false))),
        Scoring.question("evaluation", 2, NO_GOLD, rag("Lovelace", 30, source(1, "ada", true))),
        Scoring.question("evaluation", 3, WITH_GOLD,
            new ContenderAnswer("rag:kb", null, "", true, List.of(), null, 1, "down")));

    Scores s = Scoring.aggregate(results);

    assertThat(s.questions()).isEqualTo(4);
    assertThat(s.exactMatch()).isEqualTo(0.25);
    assertThat(s.f1()).isCloseTo((1 + 0 + 2.0 / 3 + 0) / 4, within(1e-12));
    assertThat(s.contains()).isEqualTo(0.25);
    // Questions 0, 1 and the failed 3 carry gold: recall (0.5 + 0 + 0) / 3; MRR (1 + 0 + 0) / 3.
    assertThat(s.recallAtK()).isCloseTo(0.5 / 3, within(1e-12));
    assertThat(s.mrr()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(s.citesGold()).isCloseTo(1.0 / 3, within(1e-12));
    // Latency over the answers that did not fail: 10, 20, 30.
    assertThat(s.latencyP50Ms()).isEqualTo(20);
    assertThat(s.latencyP95Ms()).isEqualTo(30);
    assertThat(s.tokensIn()).isEqualTo(300);
    assertThat(s.tokensOut()).isEqualTo(15);
  }

  @Test
  void retrievalMeasuresAreNullWhenNoQuestionHasGoldOrTheContenderIsClosedBook() {
    Scores closedBook = Scoring.aggregate(List.of(Scoring.question("evaluation", 0, WITH_GOLD, closed("Ada", 1))));
    Scores noGold = Scoring.aggregate(List.of(Scoring.question("evaluation", 0, NO_GOLD, rag("Ada", 1, source(1, "ada", true)))));

    assertThat(closedBook.recallAtK()).isNull();
    assertThat(closedBook.mrr()).isNull();
    assertThat(closedBook.citesGold()).isNull();
    assertThat(noGold.recallAtK()).isNull();
    assertThat(Scoring.aggregate(List.of())).isNull();
  }

  @Test
  void percentilesAreByNearestRank() {
    List<QuestionResult> results = new ArrayList<>();
    for (int ms = 1; ms <= 20; ms++) {
      results.add(Scoring.question("evaluation", ms, NO_GOLD, closed("x", ms)));
    }
    Scores s = Scoring.aggregate(results);

    // n = 20: p50 is the 10th value, p95 the 19th.
    assertThat(s.latencyP50Ms()).isEqualTo(10);
    assertThat(s.latencyP95Ms()).isEqualTo(19);
    assertThat(Scoring.nearestRank(new double[] {7}, 95)).isEqualTo(7);
    assertThat(Scoring.nearestRank(new double[] {1, 2, 3}, 50)).isEqualTo(2);
    assertThat(Scoring.nearestRank(new double[0], 50)).isZero();
  }
}
