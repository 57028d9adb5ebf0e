package io.augment.domain.evaluation;

/**
 * What it took to make a contender, joined from what produced it when the run started; a null
 * field was not recorded by its producer (the report says "not recorded", never 0).
 *
 * @param trainableParameters parameters training updated (0 for RAG: nothing is trained)
 * @param totalParameters     parameters of the model that answers
 * @param trainingSeconds     wall time of the training run
 * @param trainingTokensPerSecond training throughput
 * @param peakMemoryBytes     peak memory of training (heap + native)
 * @param artifactBytes       bytes of the trained artifact on disk (adapter or full checkpoint)
 * @param ingestMillis        time spent ingesting the knowledge base (RAG)
 * @param indexBytes          bytes of the knowledge base's index (RAG)
 * @param chunks              chunks in the knowledge base (RAG)
 */
public record ContenderCost(
    Long trainableParameters, Long totalParameters, Double trainingSeconds, Double trainingTokensPerSecond,
    Long peakMemoryBytes, Long artifactBytes, Long ingestMillis, Long indexBytes, Long chunks) {
  public static final ContenderCost UNKNOWN = new ContenderCost(null, null, null, null, null, null, null, null, null);
}
