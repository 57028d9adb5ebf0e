package io.augment.domain.evaluation;

import io.augment.domain.model.InvalidInputException;
import java.util.List;

/**
 * What an evaluation run measures.
 *
 * @param evaluationSet the questions to score every contender on
 * @param controlSet    an optional second set (e.g. what the base model already knew) scored on
 *                      trained-model contenders and the base model, to measure forgetting; or null
 * @param contenders    1 to {@value #MAX_CONTENDERS} distinct contenders
 * @param topK          chunks retrieved per question for RAG contenders, 1 to 100
 * @param maxTokens     most tokens generated per answer, 1 to {@value #MAX_TOKENS}
 */
public record EvaluationRunSpec(
    String evaluationSet, String controlSet, List<Contender> contenders, int topK, int maxTokens) {
  public static final int MAX_CONTENDERS = 16;
  public static final int MAX_TOKENS = 1024;
  public static final int DEFAULT_TOP_K = 5;
  public static final int DEFAULT_MAX_TOKENS = 64;

  public EvaluationRunSpec {
    EvaluationSet.checkName("evaluationSet", evaluationSet);
    if (controlSet != null) {
      EvaluationSet.checkName("controlSet", controlSet);
    }
    if (contenders == null || contenders.isEmpty()) {
      throw new InvalidInputException("contenders", "must name at least one contender");
    }
    if (contenders.size() > MAX_CONTENDERS) {
      throw new InvalidInputException("contenders", "at most " + MAX_CONTENDERS + ", got " + contenders.size());
    }
    if (contenders.stream().distinct().count() != contenders.size()) {
      throw new InvalidInputException("contenders", "names the same contender twice");
    }
    contenders = List.copyOf(contenders);
    if (topK < 1 || topK > 100) {
      throw new InvalidInputException("topK", "must be between 1 and 100, got " + topK);
    }
    if (maxTokens < 1 || maxTokens > MAX_TOKENS) {
      throw new InvalidInputException("maxTokens", "must be between 1 and " + MAX_TOKENS + ", got " + maxTokens);
    }
  }
}
