package io.augment.domain.testing;

/** Small hand-made vectors whose cosine similarities are known in advance. */
public final class Vectors {
  private Vectors() {}

  /** {@code components} scaled to length 1. */
  public static float[] unit(double... components) {
    double norm = 0;
    for (double c : components) {
      norm += c * c;
    }
    norm = Math.sqrt(norm);
    float[] vector = new float[components.length];
    for (int i = 0; i < components.length; i++) {
      vector[i] = (float) (components[i] / norm);
    }
    return vector;
  }

  /**
   * A unit vector of {@code dimension} floats lying in the plane of the first two axes, {@code degrees}
   * from the first: the cosine between {@code atAngle(a)} and {@code atAngle(b)} is {@code cos(a - b)}.
   */
  public static float[] atAngle(double degrees, int dimension) {
    float[] vector = new float[dimension];
    vector[0] = (float) Math.cos(Math.toRadians(degrees));
    vector[1] = (float) Math.sin(Math.toRadians(degrees));
    return vector;
  }

  /** The score a vector index gives two vectors {@code degrees} apart: {@code (1 + cos) / 2}. */
  public static double scoreAtAngle(double degrees) {
    return (1 + Math.cos(Math.toRadians(degrees))) / 2;
  }
}
