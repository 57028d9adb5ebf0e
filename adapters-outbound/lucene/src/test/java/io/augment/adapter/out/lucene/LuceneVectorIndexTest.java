package io.augment.adapter.out.lucene;

import static io.augment.domain.testing.Chunks.embedded;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.VectorIndex;
import io.augment.domain.retrieval.VectorIndexContract;
import io.augment.domain.testing.Vectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorIndexTest extends VectorIndexContract {

  @TempDir
  Path root;

  @Override
  protected VectorIndex newIndex() {
    return new LuceneVectorIndex(root);
  }

  @Override
  protected VectorIndex reopen(VectorIndex old) {
    ((LuceneVectorIndex) old).close();
    return new LuceneVectorIndex(root);
  }

  @Override
  protected boolean reportsStorageBytes() {
    return true;
  }

  @Override
  protected void close(VectorIndex index) {
    ((LuceneVectorIndex) index).close();
  }

  @Test
  void acceptsVectorsWiderThanLucenesDefaultLimit() {
    index.createCollection("wide", 3072);
    index.replaceDocument("wide", "doc", List.of(embedded("doc", 0, Vectors.atAngle(0, 3072))));
    index = reopen(index);
    assertThat(index.search("wide", Vectors.atAngle(0, 3072), 1, MetadataFilter.ALL)).hasSize(1);
  }
}
