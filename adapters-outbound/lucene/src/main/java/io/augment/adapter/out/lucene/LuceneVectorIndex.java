package io.augment.adapter.out.lucene;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.LexicalIndex;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.retrieval.VectorIndex;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;

/**
 * An HNSW vector index and a BM25 text index on disk, one Lucene index per knowledge base under
 * {@code root/<name>/}. A write is visible to the next search at once; it reaches disk in the
 * background every {@code commitInterval}, on {@link #flush} and on {@link #close}, so a crash loses
 * at most the last interval of writes (the ingest pipeline re-derives them from the stored documents).
 * A zero interval commits only on {@link #flush} and {@link #close}: for an owner that checkpoints
 * the index itself, as the server's {@code IndexSync} does.
 */
public final class LuceneVectorIndex implements VectorIndex, LexicalIndex, Closeable {

  private static final System.Logger LOG = System.getLogger(LuceneVectorIndex.class.getName());

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final LuceneCollections collections;
  private final ScheduledExecutorService committer;

  /** Commits every second; HNSW with Lucene's default graph settings. */
  public LuceneVectorIndex(Path root) {
    this(root, Duration.ofSeconds(1), HnswSettings.DEFAULT);
  }

  public LuceneVectorIndex(Path root, Duration commitInterval, HnswSettings hnsw) {
    if (commitInterval.isNegative()) {
      throw new IllegalArgumentException("commitInterval must not be negative");
    }
    this.collections = new LuceneCollections(root, new LuceneCollection.Settings(analyzer, hnsw));
    this.committer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "lucene-vector-index-commit");
      thread.setDaemon(true);
      return thread;
    });
    long millis = commitInterval.toMillis();
    if (millis > 0) {
      committer.scheduleWithFixedDelay(this::commitInBackground, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void createCollection(String knowledgeBase, int dimension) {
    if (dimension <= 0 || dimension > WideVectorsCodec.MAX_DIMENSIONS) {
      throw new InvalidInputException("dimension", "must be between 1 and " + WideVectorsCodec.MAX_DIMENSIONS);
    }
    collections.create(knowledgeBase, dimension);
  }

  @Override
  public void dropCollection(String knowledgeBase) {
    collections.drop(knowledgeBase);
  }

  @Override
  public boolean collectionExists(String knowledgeBase) {
    return collections.exists(knowledgeBase);
  }

  @Override
  public void replaceDocument(String knowledgeBase, String documentId, List<EmbeddedChunk> chunks) {
    collections.with(knowledgeBase, collection -> {
      for (EmbeddedChunk chunk : chunks) {
        if (!chunk.chunk().documentId().equals(documentId)) {
          throw new InvalidInputException("chunks", "chunk " + chunk.chunk().id() + " is not of document " + documentId);
        }
        checkDimension(collection, "chunks[" + chunk.chunk().id() + "].vector", chunk.vector());
      }
      List<Document> documents = chunks.stream().map(ChunkDocuments::toDocument).toList();
      collection.replace(documentId, documents);
      return null;
    });
  }

  /**
   * Exact (every candidate's vector scored) when the collection, or the chunks the filter leaves, number
   * at most {@link HnswSettings#exactSearchUpTo}; HNSW above that.
   */
  @Override
  public List<ScoredChunk> search(String knowledgeBase, float[] vector, int topK, MetadataFilter filter) {
    Query filterQuery = LuceneQueries.filter(filter);
    int exactUpTo = collections.settings().hnsw().exactSearchUpTo();
    return top(knowledgeBase, topK, vector, (searcher, k) -> ExactVectorScan.isCheap(searcher, filterQuery, exactUpTo)
            ? LuceneHits.of(searcher, ExactVectorScan.top(searcher, ChunkDocuments.VECTOR, vector, k, filterQuery))
            : LuceneHits.top(searcher, new KnnFloatVectorQuery(ChunkDocuments.VECTOR, vector, k, filterQuery), k))
        .stream().map(hit -> new ScoredChunk(hit.chunk(), Math.min(1, Math.max(0, hit.score())))).toList();
  }

  /** Any word of {@code text}, analysed as at indexing; scores are Lucene's raw BM25. */
  @Override
  public List<ScoredChunk> searchText(String knowledgeBase, String text, int topK, MetadataFilter filter) {
    Query query = LuceneQueries.anyTerm(analyzer, text, LuceneQueries.filter(filter));
    return top(knowledgeBase, topK, null, (searcher, k) -> query == null ? List.of() : LuceneHits.top(searcher, query, k));
  }

  @Override
  public long count(String knowledgeBase) {
    return collections.with(knowledgeBase, collection -> collection.withSearcher(s -> (long) s.getIndexReader().numDocs()));
  }

  /**
   * Bytes of the collection's files on disk, measured after a commit, so buffered writes count and
   * segment files a merge has superseded are gone. Empty when there is no such collection.
   */
  @Override
  public OptionalLong storageBytes(String knowledgeBase) {
    return collections.storageBytes(knowledgeBase);
  }

  @Override
  public List<Chunk> allChunks(String knowledgeBase) {
    return collections.with(knowledgeBase, collection -> collection.withSearcher(LuceneHits::all));
  }

  /** Commits every open collection to disk now. */
  public void flush() {
    collections.commitAll();
  }

  /** Commits and closes every collection; the index is unusable afterwards. */
  @Override
  public void close() {
    committer.shutdown(); // never interrupt: an interrupted NIO read closes Lucene's files under it
    try {
      committer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    collections.close();
    analyzer.close();
  }

  /** Finds {@code topK} hits capped at the collection's size (HNSW allocates per k). */
  private List<ScoredChunk> top(String knowledgeBase, int topK, float[] vector, Hits hits) {
    if (topK <= 0) {
      throw new InvalidInputException("topK", "must be positive");
    }
    return collections.with(knowledgeBase, collection -> {
      if (vector != null) {
        checkDimension(collection, "vector", vector);
      }
      return collection.withSearcher(searcher -> {
        int k = Math.min(topK, searcher.getIndexReader().numDocs());
        return k == 0 ? List.<ScoredChunk>of() : hits.find(searcher, k);
      });
    });
  }

  private void commitInBackground() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "background commit of the vector index failed", e);
    }
  }

  /** One way of finding the best {@code k} hits. */
  @FunctionalInterface
  private interface Hits {
    List<ScoredChunk> find(IndexSearcher searcher, int k) throws IOException;
  }

  private static void checkDimension(LuceneCollection collection, String field, float[] vector) {
    if (vector.length != collection.dimension) {
      throw new InvalidInputException(field, "has " + vector.length + " dimensions, the collection " + collection.dimension);
    }
  }
}
