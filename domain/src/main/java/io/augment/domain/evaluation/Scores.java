package io.augment.domain.evaluation;

/**
 * A contender's measures over one evaluation set: means of the per-question scores, and latency
 * and token totals. Retrieval measures are null where they do not apply (closed book) or where no
 * question names gold documents.
 *
 * @param questions      questions scored
 * @param exactMatch     share whose normalised answer equals a normalised reference
 * @param f1             mean best token F1 against the references
 * @param contains       share whose normalised answer contains a normalised reference
 * @param recallAtK      mean share of gold documents among the retrieved, or null
 * @param mrr            mean reciprocal rank of the first gold document retrieved, or null
 * @param citesGold      share of answers citing at least one gold document, or null
 * @param latencyP50Ms   median milliseconds per answer
 * @param latencyP95Ms   95th percentile milliseconds per answer
 * @param tokensIn       prompt tokens in all
 * @param tokensOut      generated tokens in all
 */
public record Scores(
    int questions, double exactMatch, double f1, double contains, Double recallAtK, Double mrr, Double citesGold,
    double latencyP50Ms, double latencyP95Ms, long tokensIn, long tokensOut) {}
