package io.augment.application.benchmark;

import io.augment.domain.adaptation.AdaptationJob;

/**
 * A model or adapter the benchmark trained or reused.
 *
 * @param name     its catalog name, served as {@code adapter:<name>}
 * @param method   FULL or LORA
 * @param texts    training texts
 * @param reused   true when it was already in the catalog and not trained again
 * @param seconds  wall-clock seconds of its training job (0 when reused)
 * @param metrics  the job's measured costs, or null when reused
 */
public record TrainedModel(String name, String method, int texts, boolean reused, double seconds,
    AdaptationJob.TrainingMetrics metrics) {}
