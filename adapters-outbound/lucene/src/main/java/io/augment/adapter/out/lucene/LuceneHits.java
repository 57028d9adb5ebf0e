package io.augment.adapter.out.lucene;

import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.ScoredChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;

/** Turns what a searcher finds into our records. */
final class LuceneHits {

  private LuceneHits() {}

  /** The best {@code topK} hits of {@code query}, best first. */
  static List<ScoredChunk> top(IndexSearcher searcher, Query query, int topK) throws IOException {
    return of(searcher, searcher.search(query, topK).scoreDocs);
  }

  /** The chunks of {@code found}, in its order. */
  static List<ScoredChunk> of(IndexSearcher searcher, ScoreDoc[] found) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<ScoredChunk> hits = new ArrayList<>();
    for (ScoreDoc hit : found) {
      hits.add(new ScoredChunk(ChunkDocuments.toChunk(stored.document(hit.doc)), hit.score));
    }
    return hits;
  }

  /** Every live chunk, in (documentId, index) order. */
  static List<Chunk> all(IndexSearcher searcher) throws IOException {
    List<Chunk> chunks = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      Bits live = reader.getLiveDocs();
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          chunks.add(ChunkDocuments.toChunk(stored.document(doc)));
        }
      }
    }
    chunks.sort(Comparator.comparing(Chunk::documentId).thenComparingInt(Chunk::index));
    return chunks;
  }
}
