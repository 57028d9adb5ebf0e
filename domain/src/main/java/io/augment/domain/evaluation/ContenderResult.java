package io.augment.domain.evaluation;

/**
 * One contender's outcome in a run.
 *
 * @param contender the contender, as {@link Contender#label()}
 * @param scores    measures on the evaluation set; null until its questions are done
 * @param control   measures on the control set (forgetting); null without one, or for RAG contenders
 *                  that do not change the model
 * @param cost      what producing the contender cost
 */
public record ContenderResult(String contender, Scores scores, Scores control, ContenderCost cost) {}
