package io.augment.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.InMemoryPlatform;
import io.augment.domain.job.JobStatus;
import io.augment.domain.model.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestJobsTest {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final InMemoryPlatform platform = new InMemoryPlatform();
  private final IngestJobs jobs = new IngestJobs(platform.ingest, executor, Clock.systemUTC(), 10);

  @AfterEach
  void tearDown() {
    executor.shutdownNow();
  }

  @Test
  void runsInTheBackgroundAndReportsProgressAndResults() throws Exception {
    platform.createKnowledgeBase("kb", 20, 0);
    List<IngestCommand> docs = IntStream.range(0, 5)
        .mapToObj(i -> IngestCommand.text("d" + i, "T", "words " + i + " here", Map.of())).toList();

    IngestJob submitted = jobs.submit("kb", docs);
    executor.shutdown();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    IngestJob done = jobs.get(submitted.id());
    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.progress().done()).isEqualTo(5);
    assertThat(done.progress().percent()).isEqualTo(100.0);
    assertThat(done.progress().ratePerSecond()).isPositive();
    assertThat(done.results()).hasSize(5);
    assertThat(done.finishedAt()).isNotNull();
  }

  @Test
  void refusesAnUnknownKnowledgeBaseBeforeQueueing() {
    assertThatThrownBy(() -> jobs.submit("missing", List.of(IngestCommand.text("d", "T", "x", Map.of()))))
        .isInstanceOf(NotFoundException.class);
    assertThat(jobs.list()).isEmpty();
  }

  @Test
  void refusesAJobThatNamesADocumentTwiceBeforeQueuingAnything() {
    platform.createKnowledgeBase("kb", 20, 0);
    List<IngestCommand> docs = List.of(IngestCommand.text("a", "A", "alpha", Map.of()),
        IngestCommand.text("b", "B", "beta", Map.of()), IngestCommand.text("a", "A2", "alpha again", Map.of()));

    assertThatThrownBy(() -> jobs.submit("kb", docs))
        .isInstanceOfSatisfying(io.augment.domain.model.InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("documents[2].id"));
    assertThat(jobs.list()).isEmpty();
    assertThat(platform.index.count("kb")).isZero();
  }
}
