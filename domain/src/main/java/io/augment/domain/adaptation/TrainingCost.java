package io.augment.domain.adaptation;

/**
 * What training an artifact cost, recorded with it when it is installed (so it outlives the job).
 *
 * @param totalParameters     parameters of the model
 * @param trainableParameters parameters the optimiser updated
 * @param seconds             wall time of the training run
 * @param tokens              training tokens processed
 * @param tokensPerSecond     training throughput
 * @param peakMemoryBytes     peak memory of the training process (heap + native), 0 when not measured
 */
public record TrainingCost(
    long totalParameters, long trainableParameters, double seconds, long tokens, double tokensPerSecond,
    long peakMemoryBytes) {}
