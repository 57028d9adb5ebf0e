package io.augment.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.application.InMemoryPlatform;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.testing.HashingEmbeddingModel;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ingest time an evaluation reports as the cost of RAG is what ingests really spent. */
class IngestTimeTest {
  private static final long EMBED_MILLIS = 30;

  /** The hashing model, taking {@value #EMBED_MILLIS} ms per batch, so the time is measurable. */
  private static final class SlowModel implements EmbeddingModel {
    private final HashingEmbeddingModel model = new HashingEmbeddingModel();

    @Override
    public EmbeddingSpec spec() {
      return model.spec();
    }

    @Override
    public int countTokens(String text) {
      return model.countTokens(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      try {
        Thread.sleep(EMBED_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return model.embedAll(texts);
    }
  }

  private final InMemoryPlatform platform = new InMemoryPlatform();
  private IngestDocuments ingest;

  @BeforeEach
  void setUp() {
    platform.createKnowledgeBase("kb", 20, 0);
    EmbeddingModel slow = new SlowModel();
    ingest = new IngestDocuments(platform.knowledgeBaseRepository, platform.documentRepository, platform.index,
        new EmbeddingModels(List.of(slow), slow.spec().modelId()), new DocumentParsers(List.of(new InMemoryPlatform.PlainText())),
        platform.sync, Clock.systemUTC(), 8, 1_000_000);
  }

  private long recorded() {
    return platform.knowledgeBaseRepository.ingestMillis("kb").orElseThrow();
  }

  @Test
  void aSingleIngestAddsTheTimeItSpentEmbeddingAndStoring() {
    ingest.ingest("kb", IngestCommand.text("tides", "Tides", "tides follow the moon", Map.of()));

    assertThat(recorded()).isGreaterThanOrEqualTo(EMBED_MILLIS);
  }

  @Test
  void aJobOfManyDocumentsAddsItsTimeToWhatEarlierIngestsSpent() {
    ingest.ingest("kb", IngestCommand.text("tides", "Tides", "tides follow the moon", Map.of()));
    long first = recorded();
    // 20 one-chunk documents in batches of 8: three batches.
    List<IngestCommand> docs = java.util.stream.IntStream.range(0, 20)
        .mapToObj(i -> IngestCommand.text("d" + i, "T", "words " + i + " here", Map.of())).toList();

    ingest.ingestAll("kb", docs, p -> {}, () -> false);

    assertThat(recorded() - first).isGreaterThanOrEqualTo(3 * EMBED_MILLIS);
  }

  @Test
  void reingestingUnchangedDocumentsAddsNothing() {
    ingest.ingest("kb", IngestCommand.text("tides", "Tides", "tides follow the moon", Map.of()));
    long first = recorded();

    ingest.ingest("kb", IngestCommand.text("tides", "Tides", "tides follow the moon", Map.of()));
    ingest.ingestAll("kb", List.of(IngestCommand.text("tides", "Tides", "tides follow the moon", Map.of())), p -> {}, () -> false);

    assertThat(recorded()).isEqualTo(first);
  }
}
