package io.augment.adapter.out.djl.train;

import java.util.List;

/**
 * What a finished training run measured.
 *
 * @param totalParameters     model parameters, adapter included (PEFT's convention)
 * @param trainableParameters parameters the optimiser updated
 * @param tokensPerSecond     training throughput
 * @param lossCurve           mean loss per logged interval
 * @param peakHeapBytes       peak JVM heap in use
 * @param peakNativeBytes     peak resident set beyond the committed heap
 * @param peakResidentBytes   peak resident set of the worker process
 * @param artifactBytes       bytes written (checkpoint folder or adapter folder)
 * @param steps               optimiser steps run
 */
public record WorkerResult(long totalParameters, long trainableParameters, double tokensPerSecond,
    List<Double> lossCurve, long peakHeapBytes, long peakNativeBytes, long peakResidentBytes, long artifactBytes,
    int steps) {}
