package io.augment.adapter.out.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One knowledge base's index: a directory holding the Lucene index and a {@code dimension} file.
 * Writes go to the writer and become visible through a near-real-time searcher; they reach disk on
 * {@link #commit}.
 */
final class LuceneCollection implements Closeable {

  private static final String DIMENSION_FILE = "dimension";
  private static final String INDEX_DIR = "index";

  final int dimension;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** Writes finished so far, and the most of them the current searcher is known to show. */
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong visible = new AtomicLong();

  private LuceneCollection(Path home, int dimension, Settings settings) throws IOException {
    this.dimension = dimension;
    this.directory = FSDirectory.open(home.resolve(INDEX_DIR));
    IndexWriterConfig config = new IndexWriterConfig(settings.analyzer()).setCodec(new WideVectorsCodec(settings.hnsw()));
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
  }

  /** Whether {@code home} holds a complete collection; the dimension file is written last. */
  static boolean existsAt(Path home) {
    return Files.isRegularFile(home.resolve(DIMENSION_FILE));
  }

  static int dimensionAt(Path home) throws IOException {
    return Integer.parseInt(Files.readString(home.resolve(DIMENSION_FILE), StandardCharsets.UTF_8).trim());
  }

  static LuceneCollection open(Path home, Settings settings) throws IOException {
    return new LuceneCollection(home, dimensionAt(home), settings);
  }

  static LuceneCollection create(Path home, int dimension, Settings settings) throws IOException {
    Files.createDirectories(home);
    LuceneCollection created = new LuceneCollection(home, dimension, settings);
    created.writer.commit();
    Path temp = home.resolve(DIMENSION_FILE + ".tmp");
    Files.writeString(temp, Integer.toString(dimension), StandardCharsets.UTF_8);
    Files.move(temp, home.resolve(DIMENSION_FILE), StandardCopyOption.ATOMIC_MOVE);
    return created;
  }

  /** Deletes the dimension file first, so a half-deleted directory no longer counts as a collection. */
  static void delete(Path home) throws IOException {
    Files.deleteIfExists(home.resolve(DIMENSION_FILE));
    if (Files.exists(home)) {
      try (var paths = Files.walk(home)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /**
   * Bytes of the files of the collection at {@code home} (Lucene's directory is flat); a file a
   * background merge deletes meanwhile counts 0.
   */
  static long bytesAt(Path home) throws IOException {
    long bytes = sizeOrZero(home.resolve(DIMENSION_FILE));
    try (var files = Files.newDirectoryStream(home.resolve(INDEX_DIR))) {
      for (Path file : files) {
        bytes += sizeOrZero(file);
      }
    }
    return bytes;
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** One atomic delete-and-add: every reader sees all old or all new documents. */
  void replace(String documentId, List<Document> documents) throws IOException {
    Term term = new Term(ChunkDocuments.DOCUMENT_ID, documentId);
    if (documents.isEmpty()) {
      writer.deleteDocuments(term);
    } else {
      writer.updateDocuments(term, documents);
    }
    written.incrementAndGet();
  }

  /** Runs {@code work} on a searcher that shows every write finished before this call. */
  <T> T withSearcher(SearchWork<T> work) throws IOException {
    long wanted = written.get();
    if (visible.get() < wanted) {
      searchers.maybeRefreshBlocking();
      visible.accumulateAndGet(wanted, Math::max);
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  void commit() throws IOException {
    if (writer.hasUncommittedChanges()) {
      writer.commit();
    }
  }

  @Override
  public void close() throws IOException {
    try (directory; writer; searchers) {
      // closing the writer commits pending changes
    }
  }

  /** What every collection of one index is built with. */
  record Settings(Analyzer analyzer, HnswSettings hnsw) {}

  @FunctionalInterface
  interface SearchWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}
