package io.augment.adapter.out.langchain4j;

import java.util.LinkedHashMap;
import java.util.Map;

/** Least-recently-used vectors by text: the same chunk comes back as a candidate query after query. */
final class VectorCache {
  private final Map<String, float[]> vectors;

  VectorCache(int capacity) {
    this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized float[] get(String text) {
    return vectors.get(text);
  }

  synchronized void put(String text, float[] vector) {
    vectors.put(text, vector);
  }
}
