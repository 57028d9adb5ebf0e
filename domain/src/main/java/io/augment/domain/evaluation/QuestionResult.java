package io.augment.domain.evaluation;

import java.util.List;

/**
 * One contender's answer to one question, scored.
 *
 * @param set              {@code evaluation} or {@code control}
 * @param index            the question's position in its set, from 0
 * @param contender        {@link Contender#label()}
 * @param question         the question
 * @param answer           the contender's answer text, as generated
 * @param exactMatch       1 or 0
 * @param f1               best token F1 against the references
 * @param contains         whether the answer contains a reference
 * @param retrieved        document ids retrieved, in rank order (empty for closed book)
 * @param recallAtK        share of gold documents retrieved, or null
 * @param reciprocalRank   1/rank of the first gold document retrieved (0 if none), or null
 * @param citedGold        whether the answer cites a gold document, or null
 * @param latencyMs        milliseconds to answer
 * @param tokensIn         prompt tokens
 * @param tokensOut        generated tokens
 * @param error            why the contender could not answer (then the scores are 0), or null
 */
public record QuestionResult(
    String set, int index, String contender, String question, String answer, double exactMatch, double f1,
    boolean contains, List<String> retrieved, Double recallAtK, Double reciprocalRank, Boolean citedGold,
    double latencyMs, int tokensIn, int tokensOut, String error) {
  public static final String EVALUATION = "evaluation";
  public static final String CONTROL = "control";

  public QuestionResult {
    retrieved = retrieved == null ? List.of() : List.copyOf(retrieved);
  }
}
