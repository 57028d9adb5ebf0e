package io.augment.adapter.out.memory;

import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.MetadataFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chunk with its vector scaled to length 1, so cosine is a dot product, and its text's
 * {@link EnglishTerms} counted for BM25 ({@code length} is their total).
 */
record StoredChunk(Chunk chunk, float[] unit, Map<String, Integer> termFrequencies, int length) {

  static StoredChunk of(Chunk chunk, float[] vector) {
    Map<String, Integer> frequencies = new HashMap<>();
    List<String> terms = EnglishTerms.of(chunk.text());
    terms.forEach(term -> frequencies.merge(term, 1, Integer::sum));
    return new StoredChunk(chunk, normalised(vector), Map.copyOf(frequencies), terms.size());
  }

  int frequency(String term) {
    return termFrequencies.getOrDefault(term, 0);
  }

  boolean matches(MetadataFilter filter) {
    return filter.test(chunk.documentId(), chunk.metadata());
  }

  /** {@code (1 + cos) / 2}, clamped against rounding. */
  double score(float[] unitQuery) {
    double dot = 0;
    for (int i = 0; i < unit.length; i++) {
      dot += unit[i] * unitQuery[i];
    }
    return Math.min(1, Math.max(0, (1 + dot) / 2));
  }

  /** A unit-length copy; the zero vector stays zero and so scores 0.5 against everything. */
  static float[] normalised(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length && norm > 0; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }
}
