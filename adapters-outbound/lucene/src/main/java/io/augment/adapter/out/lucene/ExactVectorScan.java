package io.augment.adapter.out.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Dense top-k by scoring every candidate's vector with the field's own similarity, so scores equal
 * the HNSW query's. Used where that scan is cheap: HNSW is approximate and can miss a nearer chunk
 * even in a collection of a few dozen.
 */
final class ExactVectorScan {
  private static final Comparator<ScoreDoc> WORST_FIRST =
      Comparator.<ScoreDoc>comparingDouble(hit -> hit.score).thenComparing(hit -> -hit.doc);

  private ExactVectorScan() {}

  /** Whether at most {@code limit} documents are candidates: all of them, or those {@code filter} matches. */
  static boolean isCheap(IndexSearcher searcher, Query filter, int limit) throws IOException {
    if (searcher.getIndexReader().numDocs() <= limit) {
      return true;
    }
    return filter != null && searcher.count(filter) <= limit;
  }

  /** The best {@code k} live documents with a vector that match {@code filter} (null: all), best first. */
  static ScoreDoc[] top(IndexSearcher searcher, String field, float[] query, int k, Query filter) throws IOException {
    Weight filterWeight = filter == null ? null
        : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    PriorityQueue<ScoreDoc> best = new PriorityQueue<>(k + 1, WORST_FIRST);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      FloatVectorValues vectors = reader.getFloatVectorValues(field);
      FieldInfo info = reader.getFieldInfos().fieldInfo(field);
      if (vectors == null || info == null) {
        continue;
      }
      DocIdSetIterator candidates = vectors;
      if (filterWeight != null) {
        Scorer matching = filterWeight.scorer(leaf);
        if (matching == null) {
          continue;
        }
        candidates = ConjunctionUtils.intersectIterators(List.of(matching.iterator(), vectors));
      }
      Bits live = reader.getLiveDocs();
      for (int doc = candidates.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = candidates.nextDoc()) {
        if (live == null || live.get(doc)) {
          float score = info.getVectorSimilarityFunction().compare(query, vectors.vectorValue());
          best.add(new ScoreDoc(leaf.docBase + doc, score));
          if (best.size() > k) {
            best.poll();
          }
        }
      }
    }
    List<ScoreDoc> ordered = new ArrayList<>(best);
    ordered.sort(WORST_FIRST.reversed());
    return ordered.toArray(ScoreDoc[]::new);
  }
}
