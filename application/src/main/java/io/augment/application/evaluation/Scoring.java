package io.augment.application.evaluation;

import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.evaluation.Scores;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Scores one answer ({@link #question}) and sums a contender's scored answers ({@link #aggregate}). */
public final class Scoring {
  private Scoring() {}

  /**
   * The answer scored against the question's references and gold documents. A failed answer scores 0
   * everywhere (retrieval too, where it applies); retrieval measures are null for closed book and
   * for a question without gold documents.
   */
  public static QuestionResult question(String set, int index, EvaluationQuestion q, ContenderAnswer a) {
    List<String> gold = q.documentIds();
    boolean retrieval = a.rag() && !gold.isEmpty();
    if (a.failed()) {
      return new QuestionResult(set, index, a.contender(), q.question(), a.text(), 0, 0, false, a.retrievedDocuments(),
          retrieval ? 0.0 : null, retrieval ? 0.0 : null, retrieval ? false : null, a.latencyMs(), 0, 0, a.error());
    }
    List<String> retrieved = a.retrievedDocuments();
    return new QuestionResult(set, index, a.contender(), q.question(), a.text(),
        AnswerMetrics.exactMatch(a.text(), q.answers()), AnswerMetrics.f1(a.text(), q.answers()),
        AnswerMetrics.contains(a.text(), q.answers()), retrieved,
        retrieval ? AnswerMetrics.recallAtK(retrieved, gold) : null,
        retrieval ? AnswerMetrics.reciprocalRank(retrieved, gold) : null,
        retrieval ? AnswerMetrics.citesGold(a.citedDocuments(), gold) : null,
        a.latencyMs(), a.usage().promptTokens(), a.usage().completionTokens(), null);
  }

  /**
   * Means of the per-question scores (failed answers count as 0); a retrieval measure is the mean
   * over the questions it applies to, or null when it applies to none. Latency percentiles are by
   * nearest rank over the answers that did not fail (0 when all failed), so a backend that fails
   * fast does not look quick. Null when there are no results.
   */
  public static Scores aggregate(Collection<QuestionResult> results) {
    if (results.isEmpty()) {
      return null;
    }
    int n = results.size();
    double[] latencies = results.stream().filter(r -> r.error() == null).mapToDouble(QuestionResult::latencyMs)
        .sorted().toArray();
    return new Scores(n,
        results.stream().mapToDouble(QuestionResult::exactMatch).sum() / n,
        results.stream().mapToDouble(QuestionResult::f1).sum() / n,
        results.stream().filter(QuestionResult::contains).count() / (double) n,
        mean(results, QuestionResult::recallAtK),
        mean(results, QuestionResult::reciprocalRank),
        mean(results, r -> r.citedGold() == null ? null : r.citedGold() ? 1.0 : 0.0),
        nearestRank(latencies, 50), nearestRank(latencies, 95),
        results.stream().mapToLong(QuestionResult::tokensIn).sum(),
        results.stream().mapToLong(QuestionResult::tokensOut).sum());
  }

  /** The smallest value with at least {@code percent}% of the sorted values at or below it; 0 for none. */
  static double nearestRank(double[] sorted, double percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
  }

  private static Double mean(Collection<QuestionResult> results, Function<QuestionResult, Double> measure) {
    double[] values = results.stream().map(measure).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    return values.length == 0 ? null : Arrays.stream(values).sum() / values.length;
  }
}
