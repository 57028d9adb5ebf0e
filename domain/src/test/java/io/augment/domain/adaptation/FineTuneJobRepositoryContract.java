package io.augment.domain.adaptation;

import static io.augment.domain.adaptation.FineTuneFixtures.CREATED_AT;
import static io.augment.domain.adaptation.FineTuneFixtures.checkpoint;
import static io.augment.domain.adaptation.FineTuneFixtures.event;
import static io.augment.domain.adaptation.FineTuneFixtures.events;
import static io.augment.domain.adaptation.FineTuneFixtures.failed;
import static io.augment.domain.adaptation.FineTuneFixtures.fullSpec;
import static io.augment.domain.adaptation.FineTuneFixtures.loraSpec;
import static io.augment.domain.adaptation.FineTuneFixtures.metrics;
import static io.augment.domain.adaptation.FineTuneFixtures.queued;
import static io.augment.domain.adaptation.FineTuneFixtures.running;
import static io.augment.domain.adaptation.FineTuneFixtures.succeeded;
import static io.augment.domain.adaptation.FineTuneFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.job.Progress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FineTuneJobRepository} must do. The store may be shared with other tests and
 * earlier runs, so each case uses job ids of its own and looks only at them.
 */
public abstract class FineTuneJobRepositoryContract {

  protected abstract FineTuneJobRepository repository();

  private FineTuningJob saved(FineTuningJob job) {
    repository().save(job);
    return job;
  }

  private String savedJob() {
    return saved(queued(uniqueId("ftjob"), loraSpec(), CREATED_AT)).id();
  }

  private static List<FineTuningJob> mine(List<FineTuningJob> jobs, List<String> ids) {
    return jobs.stream().filter(j -> ids.contains(j.id())).toList();
  }

  private static List<Long> seqs(List<FineTuneEvent> events) {
    return events.stream().map(FineTuneEvent::seq).toList();
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void findsASavedQueuedLoraJobExactlyAsSaved() {
    FineTuningJob job = saved(queued(uniqueId("ftjob"), loraSpec(), CREATED_AT));

    assertThat(repository().find(job.id())).contains(job);
  }

  @Test
  void roundTripsAFullFineTuningJobWithoutLoraOrValidationSource() {
    FineTuningJob job = saved(queued(uniqueId("ftjob"), fullSpec(), CREATED_AT));

    assertThat(repository().find(job.id())).contains(job);
    assertThat(repository().find(job.id()).orElseThrow().spec().lora()).isNull();
  }

  @Test
  void roundTripsARunningJobWithParametersAndAnEtaToTheNanosecond() {
    FineTuningJob job = saved(running(uniqueId("ftjob"), loraSpec()));

    assertThat(repository().find(job.id())).contains(job);
  }

  @Test
  void roundTripsASucceededJobWithItsWholeLossCurve() {
    FineTuningJob job = saved(succeeded(uniqueId("ftjob"), loraSpec()));

    FineTuningJob found = repository().find(job.id()).orElseThrow();

    assertThat(found).isEqualTo(job);
    assertThat(found.metrics().lossCurve()).containsExactlyElementsOf(job.metrics().lossCurve());
  }

  @Test
  void roundTripsAFailedJobWithItsUnicodeError() {
    FineTuningJob job = saved(failed(uniqueId("ftjob"), fullSpec()));

    assertThat(repository().find(job.id())).contains(job);
  }

  @Test
  void findsNothingForAnUnknownJob() {
    String id = uniqueId("missing");

    assertThat(repository().find(id)).isEmpty();
    assertThat(repository().events(id, 0, 10)).isEmpty();
    assertThat(repository().latestEvents(id, null, 10)).isEmpty();
    assertThat(repository().checkpoints(id)).isEmpty();
  }

  @Test
  void saveReplacesTheWholeRecordThroughItsLifeCycle() {
    String id = uniqueId("ftjob");
    saved(queued(id, loraSpec(), CREATED_AT));
    FineTuningJob running = saved(running(id, loraSpec()));

    assertThat(repository().find(id)).contains(running);

    FineTuningJob done = saved(succeeded(id, loraSpec()));
    FineTuningJob resumedAndFailed = saved(failed(id, loraSpec()).resumed());

    assertThat(repository().find(id)).contains(resumedAndFailed);
    assertThat(mine(repository().list(), List.of(id))).containsExactly(resumedAndFailed);
    assertThat(done).isNotEqualTo(resumedAndFailed);
  }

  @Test
  void savingAJobWithoutMetricsClearsTheEarlierMetrics() {
    String id = uniqueId("ftjob");
    FineTuningJob done = saved(succeeded(id, loraSpec()));

    FineTuningJob cleared = saved(done.with(FineTuneStatus.QUEUED, new Progress(0, 0, "steps", 0, null), null, null,
        null));

    assertThat(repository().find(id)).contains(cleared);
  }

  @Test
  void listsJobsNewestFirst() {
    List<String> ids = new ArrayList<>();
    Instant[] created = {
        Instant.parse("2024-06-02T10:00:00.000001Z"), Instant.parse("2024-06-04T10:00:00Z"),
        Instant.parse("2024-06-03T10:00:00.5Z")};
    for (Instant at : created) {
      String id = uniqueId("ftjob");
      ids.add(id);
      saved(queued(id, loraSpec(), at));
    }

    assertThat(mine(repository().list(), ids)).extracting(FineTuningJob::createdAt)
        .containsExactly(created[1], created[2], created[0]);
  }

  @Test
  void unfinishedListsEveryJobNotYetSucceededFailedOrCancelled() {
    List<String> ids = new ArrayList<>();
    for (FineTuneStatus status : FineTuneStatus.values()) {
      String id = uniqueId(status.wire());
      ids.add(id);
      FineTuningJob base = queued(id, loraSpec(), CREATED_AT);
      saved(base.with(status, base.progress(), null, null, status.finished() ? CREATED_AT : null));
    }

    assertThat(mine(repository().unfinished(), ids)).extracting(FineTuningJob::status)
        .containsExactlyInAnyOrder(FineTuneStatus.VALIDATING_FILES, FineTuneStatus.QUEUED, FineTuneStatus.RUNNING);
  }

  @Test
  void eventsComeBackExactlyIncludingStepMetricsAndTheirNulls() {
    String id = savedJob();
    List<FineTuneEvent> appended = List.of(
        event(1, "queued"), metrics(2), metrics(3),
        new FineTuneEvent(4, CREATED_AT.plusSeconds(9), FineTuneEvent.Level.WARN, "loss is NaN — Verlust 損失 ⚠", null),
        new FineTuneEvent(5, CREATED_AT.plusSeconds(10), FineTuneEvent.Level.ERROR, "x".repeat(2_000), null));

    repository().append(id, appended);

    assertThat(repository().events(id, 0, 100)).containsExactlyElementsOf(appended);
  }

  @Test
  void eventsAfterASeqAreOldestFirstAndAtMostTheLimit() {
    String id = savedJob();
    repository().append(id, events(1, 10));
    repository().append(id, events(11, 25));

    assertThat(seqs(repository().events(id, 0, 5))).containsExactlyElementsOf(range(1, 5));
    assertThat(seqs(repository().events(id, 5, 5))).containsExactlyElementsOf(range(6, 10));
    assertThat(seqs(repository().events(id, 20, 100))).containsExactlyElementsOf(range(21, 25));
    assertThat(repository().events(id, 25, 100)).isEmpty();
    assertThat(repository().events(id, 0, 0)).isEmpty();
  }

  @Test
  void latestEventsBeforeASeqAreNewestFirstAndAtMostTheLimit() {
    String id = savedJob();
    repository().append(id, events(1, 25));

    assertThat(seqs(repository().latestEvents(id, null, 3))).containsExactly(25L, 24L, 23L);
    assertThat(seqs(repository().latestEvents(id, 23L, 3))).containsExactly(22L, 21L, 20L);
    assertThat(seqs(repository().latestEvents(id, 3L, 10))).containsExactly(2L, 1L);
    assertThat(repository().latestEvents(id, 1L, 10)).isEmpty();
    assertThat(repository().latestEvents(id, null, 0)).isEmpty();
  }

  @Test
  void appendingEventsOutOfOrderStillReadsThemInSeqOrder() {
    String id = savedJob();
    repository().append(id, List.of(event(3, "c"), event(1, "a")));
    repository().append(id, List.of(event(2, "b")));

    assertThat(repository().events(id, 0, 10)).extracting(FineTuneEvent::message).containsExactly("a", "b", "c");
    assertThat(repository().latestEvents(id, null, 10)).extracting(FineTuneEvent::message)
        .containsExactly("c", "b", "a");
  }

  @Test
  void anEventWithTheSeqOfAStoredOneReplacesIt() {
    String id = savedJob();
    repository().append(id, events(1, 3));
    FineTuneEvent again = metrics(2);

    repository().append(id, List.of(again, event(4, "after resume")));

    assertThat(repository().events(id, 0, 10)).containsExactly(event(1, "event 1"), again, event(3, "event 3"),
        event(4, "after resume"));
  }

  @Test
  void appendingNothingChangesNothing() {
    String id = savedJob();
    repository().append(id, events(1, 2));

    repository().append(id, List.of());

    assertThat(seqs(repository().events(id, 0, 10))).containsExactly(1L, 2L);
  }

  @Test
  void appendingToAnUnknownJobStoresNothing() {
    String id = uniqueId("missing");

    repository().append(id, events(1, 3));

    assertThat(repository().events(id, 0, 10)).isEmpty();
    assertThat(repository().find(id)).isEmpty();
  }

  @Test
  void eventsOfOneJobStayApartFromAnother() {
    String one = savedJob();
    String two = savedJob();

    repository().append(one, List.of(event(1, "one")));
    repository().append(two, List.of(event(1, "two"), event(2, "two again")));

    assertThat(repository().events(one, 0, 10)).extracting(FineTuneEvent::message).containsExactly("one");
    assertThat(repository().latestEvents(two, null, 10)).extracting(FineTuneEvent::message)
        .containsExactly("two again", "two");
  }

  @Test
  void concurrentAppendsToDifferentJobsAreAllKept() throws Exception {
    List<String> ids = List.of(savedJob(), savedJob(), savedJob(), savedJob());
    ExecutorService pool = Executors.newFixedThreadPool(ids.size());
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (String id : ids) {
        writers.add(pool.submit(() -> {
          for (long seq = 1; seq <= 20; seq++) {
            repository().append(id, List.of(event(seq, id + " " + seq)));
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    for (String id : ids) {
      assertThat(repository().events(id, 0, 100)).extracting(FineTuneEvent::message)
          .containsExactlyElementsOf(range(1, 20).stream().map(seq -> id + " " + seq).toList());
    }
  }

  @Test
  void checkpointsComeBackOldestFirstWithTheirNulls() {
    String id = savedJob();
    List<FineTuneCheckpoint> kept = List.of(checkpoint("ckpt-100", 100, 0.75), checkpoint("ckpt-200", 200, null));

    repository().saveCheckpoints(id, kept);

    assertThat(repository().checkpoints(id)).containsExactlyElementsOf(kept);
  }

  @Test
  void savingCheckpointsReplacesTheKeptOnes() {
    String id = savedJob();
    repository().saveCheckpoints(id, List.of(checkpoint("ckpt-100", 100, 0.75), checkpoint("ckpt-200", 200, 0.5)));

    repository().saveCheckpoints(id, List.of(checkpoint("ckpt-200", 200, 0.5), checkpoint("ckpt-300", 300, 0.25)));

    assertThat(repository().checkpoints(id)).extracting(FineTuneCheckpoint::id).containsExactly("ckpt-200", "ckpt-300");

    repository().saveCheckpoints(id, List.of());

    assertThat(repository().checkpoints(id)).isEmpty();
  }

  @Test
  void checkpointsOfOneJobStayApartFromAnother() {
    String one = savedJob();
    String two = savedJob();
    repository().saveCheckpoints(one, List.of(checkpoint("ckpt-1", 1, null)));
    repository().saveCheckpoints(two, List.of(checkpoint("ckpt-1", 1, 0.5), checkpoint("ckpt-2", 2, 0.25)));

    repository().saveCheckpoints(two, List.of(checkpoint("ckpt-2", 2, 0.25)));

    assertThat(repository().checkpoints(one)).containsExactly(checkpoint("ckpt-1", 1, null));
    assertThat(repository().checkpoints(two)).containsExactly(checkpoint("ckpt-2", 2, 0.25));
  }

  @Test
  void savingCheckpointsOfAnUnknownJobStoresNothing() {
    String id = uniqueId("missing");

    repository().saveCheckpoints(id, List.of(checkpoint("ckpt-1", 1, null)));

    assertThat(repository().checkpoints(id)).isEmpty();
  }

  @Test
  void deleteRemovesTheJobWithItsEventsAndCheckpointsAndLeavesOtherJobsAlone() {
    String gone = savedJob();
    FineTuningJob kept = saved(succeeded(uniqueId("ftjob"), loraSpec()));
    for (String id : List.of(gone, kept.id())) {
      repository().append(id, events(1, 3));
      repository().saveCheckpoints(id, List.of(checkpoint("ckpt-10", 10, null)));
    }

    assertThat(repository().delete(gone)).isTrue();

    assertThat(repository().find(gone)).isEmpty();
    assertThat(repository().events(gone, 0, 10)).isEmpty();
    assertThat(repository().latestEvents(gone, null, 10)).isEmpty();
    assertThat(repository().checkpoints(gone)).isEmpty();
    assertThat(mine(repository().list(), List.of(gone, kept.id()))).containsExactly(kept);
    assertThat(seqs(repository().events(kept.id(), 0, 10))).containsExactly(1L, 2L, 3L);
    assertThat(repository().checkpoints(kept.id())).extracting(FineTuneCheckpoint::id).containsExactly("ckpt-10");
  }

  @Test
  void aJobSavedAgainAfterDeleteStartsWithoutEventsOrCheckpoints() {
    String id = savedJob();
    repository().append(id, events(1, 3));
    repository().saveCheckpoints(id, List.of(checkpoint("ckpt-10", 10, null)));
    repository().delete(id);

    saved(queued(id, loraSpec(), CREATED_AT));

    assertThat(repository().events(id, 0, 10)).isEmpty();
    assertThat(repository().checkpoints(id)).isEmpty();
  }

  @Test
  void deleteOfAnUnknownJobReturnsFalse() {
    assertThat(repository().delete(uniqueId("missing"))).isFalse();
  }
}
