package io.augment.domain.retrieval;

/** L2 normalisation, for embedding providers that do not return unit vectors. */
public final class UnitVectors {
  private static final double TOLERANCE = 1e-4;

  private UnitVectors() {}

  /** {@code vector} itself when already of length 1 (or all zeros), else a scaled copy. */
  public static float[] unitLength(float[] vector) {
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
