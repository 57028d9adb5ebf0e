package io.augment.application.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.InMemoryPlatform;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.generation.Summarizer;
import io.augment.domain.job.Progress;
import io.augment.domain.model.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SummarizeKnowledgeBaseTest {
  /** Concatenates its texts, so the final text shows exactly which chunks reached it. */
  static final class Concatenate implements Summarizer {
    final AtomicInteger calls = new AtomicInteger();
    final List<Integer> groupSizes = new ArrayList<>();

    @Override
    public String id() {
      return "concatenate";
    }

    @Override
    public boolean extractive() {
      return true;
    }

    @Override
    public String summarize(List<String> texts, int maxSentences) {
      calls.incrementAndGet();
      groupSizes.add(texts.size());
      return String.join(" ", texts);
    }
  }

  private InMemoryPlatform platform;
  private Concatenate summarizer;
  private SummarizeKnowledgeBase summarize;

  @BeforeEach
  void setUp() {
    platform = new InMemoryPlatform();
    platform.createKnowledgeBase("kb", 20, 0);
    // 60 documents of one chunk each: far more than any top-k retrieval would show a model.
    platform.ingest.ingestAll("kb", IntStream.range(0, 60)
        .mapToObj(i -> IngestCommand.text(String.format("d%02d", i), "T", "Marker" + i + " fact.", Map.of())).toList(),
        p -> {}, () -> false);
    summarizer = new Concatenate();
    summarize = new SummarizeKnowledgeBase(platform.knowledgeBaseRepository, platform.documentRepository, summarizer);
  }

  @Test
  void readsEveryChunkAndReducesInLevels() {
    List<Progress> progress = new ArrayList<>();
    Summary summary = summarize.summarize(new SummaryRequest("kb", 4, 1, 5), progress::add, () -> false);

    assertThat(summary.chunksRead()).isEqualTo(60).isEqualTo(summary.totalChunks());
    assertThat(summary.coverage()).isEqualTo(1.0);
    assertThat(summary.documents()).isEqualTo(60);
    IntStream.range(0, 60).forEach(i -> assertThat(summary.text()).contains("Marker" + i + " "));
    assertThat(summary.levels()).isEqualTo(3); // map: 60 chunks -> 15 partials; reduce: -> 4; final
    assertThat(summarizer.groupSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(4));
    assertThat(progress.get(progress.size() - 1).done()).isEqualTo(60);
    assertThat(progress.get(progress.size() - 1).percent()).isEqualTo(100.0);
  }

  @Test
  void servesTheCachedSummaryUntilTheKnowledgeBaseChanges() {
    SummaryRequest request = new SummaryRequest("kb", 10, 2, 5);
    Summary first = summarize.summarize(request, p -> {}, () -> false);
    int calls = summarizer.calls.get();

    Summary again = summarize.summarize(request, p -> {}, () -> false);
    assertThat(again.cached()).isTrue();
    assertThat(again.text()).isEqualTo(first.text());
    assertThat(summarizer.calls.get()).isEqualTo(calls);

    platform.ingest.ingest("kb", IngestCommand.text("new", "T", "Fresh fact.", Map.of()));
    Summary changed = summarize.summarize(request, p -> {}, () -> false);
    assertThat(changed.cached()).isFalse();
    assertThat(changed.chunksRead()).isEqualTo(61);
    assertThat(changed.revision()).isGreaterThan(first.revision());
  }

  @Test
  void stopsWhenCancelled() {
    AtomicInteger checks = new AtomicInteger();
    assertThatThrownBy(() -> summarize.summarize(new SummaryRequest("kb", 4, 1, 5), p -> {}, () -> checks.incrementAndGet() > 3))
        .isInstanceOf(CancellationException.class);
    assertThat(summarizer.calls.get()).isEqualTo(3);
  }

  @Test
  void refusesAnUnknownKnowledgeBase() {
    assertThatThrownBy(() -> summarize.summarize(SummaryRequest.defaults("missing"), p -> {}, () -> false))
        .isInstanceOf(NotFoundException.class);
  }
}
