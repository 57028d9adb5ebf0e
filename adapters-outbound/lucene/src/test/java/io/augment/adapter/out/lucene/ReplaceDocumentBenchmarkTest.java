package io.augment.adapter.out.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.testing.Chunks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times the write path ingest pays for: 1000 documents of 5 chunks of 384 dimensions. Opt-in, as
 * timings on shared machines are noise: {@code mvn -pl adapters-outbound/lucene test
 * -Dtest=ReplaceDocumentBenchmarkTest -Dbenchmark=true [-Dhnsw.beam=32]}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReplaceDocumentBenchmarkTest {

  private static final int DOCUMENTS = 1000;
  private static final int CHUNKS = 5;
  private static final int DIMENSION = 384;

  @TempDir
  Path root;

  private final Random random = new Random(42);

  @Test
  void replacesAThousandDocuments() {
    HnswSettings hnsw = new HnswSettings(Integer.getInteger("hnsw.m", 16), Integer.getInteger("hnsw.beam", 100));
    try (LuceneVectorIndex index = new LuceneVectorIndex(root, Duration.ofSeconds(1), hnsw)) {
      time(index, "warm-up");
      time(index, "measured");
    }
  }

  private void time(LuceneVectorIndex index, String kb) {
    index.createCollection(kb, DIMENSION);
    List<List<EmbeddedChunk>> documents = IntStream.range(0, DOCUMENTS).mapToObj(this::document).toList();
    long start = System.nanoTime();
    for (List<EmbeddedChunk> document : documents) {
      index.replaceDocument(kb, document.get(0).chunk().documentId(), document);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("%s: %d x replaceDocument(%d x %dd) in %d ms, %.2f ms per document%n",
        kb, DOCUMENTS, CHUNKS, DIMENSION, millis, millis / (double) DOCUMENTS);
    assertThat(index.count(kb)).isEqualTo((long) DOCUMENTS * CHUNKS);
  }

  private List<EmbeddedChunk> document(int number) {
    String id = "doc-" + number;
    return IntStream.range(0, CHUNKS)
        .mapToObj(i -> Chunks.chunk(id, i).text("chunk " + i + " of " + id + " about vectors and ingest").embedded(vector()))
        .toList();
  }

  private float[] vector() {
    double[] components = random.doubles(DIMENSION).map(d -> d - 0.5).toArray();
    return io.augment.domain.testing.Vectors.unit(components);
  }
}
