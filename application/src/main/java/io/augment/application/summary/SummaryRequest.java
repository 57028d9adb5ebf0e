package io.augment.application.summary;

import io.augment.domain.model.InvalidInputException;

/**
 * Asks for a summary of a whole knowledge base.
 *
 * @param knowledgeBase     the knowledge base
 * @param groupSize         chunks (then partial summaries) condensed together in one map/reduce step
 * @param sentencesPerGroup sentences kept from each group
 * @param maxSentences      sentences in the final summary
 */
public record SummaryRequest(String knowledgeBase, int groupSize, int sentencesPerGroup, int maxSentences) {
  public SummaryRequest {
    if (groupSize < 2 || groupSize > 200) {
      throw new InvalidInputException("groupSize", "must be between 2 and 200");
    }
    if (sentencesPerGroup < 1 || sentencesPerGroup > 20) {
      throw new InvalidInputException("sentencesPerGroup", "must be between 1 and 20");
    }
    if (maxSentences < 1 || maxSentences > 50) {
      throw new InvalidInputException("maxSentences", "must be between 1 and 50");
    }
  }

  public static SummaryRequest defaults(String knowledgeBase) {
    return new SummaryRequest(knowledgeBase, 20, 3, 8);
  }
}
