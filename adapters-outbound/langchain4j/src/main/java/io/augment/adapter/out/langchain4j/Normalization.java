package io.augment.adapter.out.langchain4j;

/** L2 normalisation for providers that do not return unit vectors. */
final class Normalization {
  private static final double TOLERANCE = 1e-4;

  private Normalization() {}

  /** {@code vector} itself when already of length 1 (or all zeros), else a scaled copy. */
  static float[] unitLength(float[] vector) {
    double sumOfSquares = 0;
    for (float x : vector) {
      sumOfSquares += (double) x * x;
    }
    double norm = Math.sqrt(sumOfSquares);
    if (norm == 0 || Math.abs(norm - 1) < TOLERANCE) {
      return vector;
    }
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }
}
