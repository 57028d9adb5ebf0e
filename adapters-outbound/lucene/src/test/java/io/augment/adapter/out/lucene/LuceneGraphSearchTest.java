package io.augment.adapter.out.lucene;

import io.augment.domain.retrieval.VectorIndex;
import io.augment.domain.retrieval.VectorIndexContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The contract through the HNSW graph: exact search switched off, so every search walks it. */
class LuceneGraphSearchTest extends VectorIndexContract {
  private static final HnswSettings GRAPH_ONLY = new HnswSettings(16, 100, 0);

  @TempDir
  Path root;

  @Override
  protected VectorIndex newIndex() {
    return new LuceneVectorIndex(root, Duration.ofSeconds(1), GRAPH_ONLY);
  }

  @Override
  protected VectorIndex reopen(VectorIndex old) {
    ((LuceneVectorIndex) old).close();
    return newIndex();
  }

  @Override
  protected void close(VectorIndex index) {
    ((LuceneVectorIndex) index).close();
  }

  @Override
  protected boolean reportsStorageBytes() {
    return true;
  }

  @Override
  protected boolean searchesSmallCollectionsExactly() {
    return false;
  }
}
