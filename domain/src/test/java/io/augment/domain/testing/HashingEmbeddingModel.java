package io.augment.domain.testing;

import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.retrieval.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic stand-in for a real embedding model: a hashed bag of lowercase words, so texts
 * sharing words are near each other. One token per whitespace-separated word. Records every batch.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {
  private final EmbeddingSpec spec;
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  public HashingEmbeddingModel(String id, int dimension, int maxInputTokens) {
    this.spec = new EmbeddingSpec(id, dimension, maxInputTokens);
  }

  public HashingEmbeddingModel() {
    this("hashing", 64, 128);
  }

  @Override
  public EmbeddingSpec spec() {
    return spec;
  }

  @Override
  public int countTokens(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  @Override
  public int specialTokens() {
    return 2;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    batchSizes.add(texts.size());
    List<float[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(embedOne(text));
    }
    return out;
  }

  /** Sizes of every embedAll call so far, in order. */
  public List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  private float[] embedOne(String text) {
    float[] v = new float[spec.dimension()];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), v.length)] += 1;
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      v[0] = 1;
      return v;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
