/**
 * Evaluation: which way of teaching a model a team's data answers best, and at what cost.
 *
 * <ul>
 *   <li>{@link io.augment.application.evaluation.EvaluationSets}: upload (validated before storing), list, delete.
 *   <li>{@link io.augment.application.evaluation.EvaluationRuns}: the durable job; it plans every
 *       (question, contender) answer ({@code RunPlan}), executes and resumes it ({@code RunExecution}),
 *       and scores contenders from the stored per-question results ({@code RunResults}).
 *   <li>{@link io.augment.application.evaluation.ContenderAnswers} answers one question per contender;
 *       closed book in {@link io.augment.application.evaluation.ClosedBook#prompt}, the format the
 *       benchmark's models are trained on. {@link io.augment.application.evaluation.ContenderCheck}
 *       refuses unknown contenders; {@link io.augment.application.evaluation.ContenderCosts} reads
 *       what producing each one cost.
 *   <li>{@link io.augment.application.evaluation.AnswerMetrics} (SQuAD normalisation, exact match,
 *       token F1, contains, recall@k, reciprocal rank, cites-gold) and
 *       {@link io.augment.application.evaluation.Scoring} (per question, and means and nearest-rank
 *       latency percentiles per contender).
 * </ul>
 */
package io.augment.application.evaluation;
