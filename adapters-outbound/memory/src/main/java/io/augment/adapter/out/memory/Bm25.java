package io.augment.adapter.out.memory;

import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Okapi BM25 with k1 = 1.2, b = 0.75 and Lucene's idf {@code ln(1 + (N - n + 0.5) / (n + 0.5))}.
 * Document frequencies and the average length come from the whole collection, filtered or not, as
 * in Lucene.
 */
final class Bm25 {

  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private Bm25() {}

  /** Every chunk of {@code corpus} that passes {@code filter} and holds one of {@code terms}, unordered. */
  static List<ScoredChunk> score(List<StoredChunk> corpus, Collection<String> terms, Predicate<StoredChunk> filter) {
    if (corpus.isEmpty() || terms.isEmpty()) {
      return List.of();
    }
    double averageLength = Math.max(1, corpus.stream().mapToInt(StoredChunk::length).average().orElse(1));
    double[] idf = terms.stream().mapToDouble(term -> idf(corpus, term)).toArray();
    List<ScoredChunk> scored = new ArrayList<>();
    for (StoredChunk stored : corpus) {
      double score = 0;
      int i = 0;
      for (String term : terms) {
        int tf = stored.frequency(term);
        if (tf > 0) {
          double lengthNorm = 1 - B + B * stored.length() / averageLength;
          score += idf[i] * tf * (K1 + 1) / (tf + K1 * lengthNorm);
        }
        i++;
      }
      if (score > 0 && filter.test(stored)) {
        scored.add(new ScoredChunk(stored.chunk(), score));
      }
    }
    return scored;
  }

  private static double idf(List<StoredChunk> corpus, String term) {
    long holding = corpus.stream().filter(s -> s.frequency(term) > 0).count();
    return Math.log(1 + (corpus.size() - holding + 0.5) / (holding + 0.5));
  }
}
