package io.augment.application.retrieval;

/**
 * Reciprocal rank fusion settings: a result at rank r (from 1) of a list with weight w adds
 * {@code w / (k + r)} to its fused score.
 */
public record FusionWeights(double dense, double lexical, int k) {
  public static final FusionWeights DEFAULT = new FusionWeights(1.0, 1.0, 60);
}
