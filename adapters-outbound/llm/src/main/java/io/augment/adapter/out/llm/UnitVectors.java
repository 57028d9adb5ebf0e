package io.augment.adapter.out.llm;

/** L2 normalisation for servers that return vectors of other lengths (many local ones do). */
final class UnitVectors {
  private static final double TOLERANCE = 1e-4;

  private UnitVectors() {}

  /** {@code vector} itself when already of length 1 (or all zeros), else a scaled copy. */
  static float[] scaled(float[] vector) {
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
