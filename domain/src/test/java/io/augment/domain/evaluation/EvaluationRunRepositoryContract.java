package io.augment.domain.evaluation;

import static io.augment.domain.evaluation.EvaluationFixtures.CREATED_AT;
import static io.augment.domain.evaluation.EvaluationFixtures.finished;
import static io.augment.domain.evaluation.EvaluationFixtures.queued;
import static io.augment.domain.evaluation.EvaluationFixtures.result;
import static io.augment.domain.evaluation.EvaluationFixtures.scores;
import static io.augment.domain.evaluation.EvaluationFixtures.spec;
import static io.augment.domain.evaluation.EvaluationFixtures.uniqueName;
import static io.augment.domain.evaluation.QuestionResult.CONTROL;
import static io.augment.domain.evaluation.QuestionResult.EVALUATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EvaluationRunRepository} must do. The store may be shared with other tests and
 * earlier runs, so each case uses run ids of its own and looks only at them.
 */
public abstract class EvaluationRunRepositoryContract {

  protected abstract EvaluationRunRepository repository();

  private static final String A = "rag:handbook";
  private static final String B = "adapter:lora-1";
  private static final String C = "generator:echo";

  private EvaluationRun saved(EvaluationRun run) {
    repository().save(run);
    return run;
  }

  private List<EvaluationRun> mine(List<EvaluationRun> runs, List<String> ids) {
    return runs.stream().filter(r -> ids.contains(r.id())).toList();
  }

  @Test
  void findsSavedQueuedRunWithItsSpec() {
    EvaluationRun run = saved(queued(uniqueName("run"), spec("questions", null), CREATED_AT));

    assertThat(repository().find(run.id())).contains(run);
    assertThat(repository().results(run.id())).isEmpty();
  }

  @Test
  void findsNothingForUnknownRun() {
    String id = uniqueName("missing");

    assertThat(repository().find(id)).isEmpty();
    assertThat(repository().results(id)).isEmpty();
  }

  @Test
  void roundTripsAFinishedRunWithScoresCostsAndTheirUnrecordedFields() {
    EvaluationRun run = saved(finished(uniqueName("run"), spec("questions", "control-set")));

    assertThat(repository().find(run.id())).contains(run);
    assertThat(run.results()).extracting(ContenderResult::control).containsNull();
    assertThat(run.results()).extracting(r -> r.cost().ingestMillis()).containsNull();
  }

  @Test
  void roundTripsAFailedRunWithItsUnicodeErrorAndUnknownCosts() {
    String id = uniqueName("run");
    EvaluationRunSpec spec = spec("questions", null);
    List<ContenderResult> results = spec.contenders().stream()
        .map(c -> new ContenderResult(c.label(), null, null, ContenderCost.UNKNOWN)).toList();
    EvaluationRun run = saved(new EvaluationRun(
        id, spec, JobStatus.FAILED, new Progress(3, 50, "answers", 0.5, Duration.ofMillis(94_000)), results,
        "generator 'echo' refused: Zeichen — 漢字 🚫\n" + "x".repeat(5_000), CREATED_AT, EvaluationFixtures.FINISHED_AT));

    assertThat(repository().find(id)).contains(run);
  }

  @Test
  void saveReplacesTheWholeRunRecord() {
    String id = uniqueName("run");
    EvaluationRunSpec spec = spec("questions", null);
    saved(queued(id, spec, CREATED_AT));
    EvaluationRun running = saved(new EvaluationRun(
        id, spec, JobStatus.RUNNING, new Progress(40, 100, "answers", 2.5, Duration.ofSeconds(24)),
        List.of(new ContenderResult(A, scores(8, 0.5), null, ContenderCost.UNKNOWN)), null, CREATED_AT, null));

    assertThat(repository().find(id)).contains(running);

    EvaluationRun done = saved(finished(id, spec));

    assertThat(repository().find(id)).contains(done);
    assertThat(mine(repository().list(), List.of(id))).containsExactly(done);
  }

  @Test
  void listsRunsNewestFirst() {
    List<String> ids = new ArrayList<>();
    Instant[] created = {
        Instant.parse("2024-06-02T10:00:00Z"), Instant.parse("2024-06-04T10:00:00Z"),
        Instant.parse("2024-06-03T10:00:00Z")};
    for (Instant at : created) {
      String id = uniqueName("run");
      ids.add(id);
      saved(queued(id, spec("questions", null), at));
    }

    assertThat(mine(repository().list(), ids)).extracting(EvaluationRun::createdAt)
        .containsExactly(created[1], created[2], created[0]);
  }

  @Test
  void unfinishedListsOnlyQueuedAndRunningRuns() {
    List<String> ids = new ArrayList<>();
    for (JobStatus status : JobStatus.values()) {
      String id = uniqueName(status.name().toLowerCase());
      ids.add(id);
      EvaluationRun base = queued(id, spec("questions", null), CREATED_AT);
      saved(new EvaluationRun(id, base.spec(), status, base.progress(), List.of(), null, CREATED_AT, null));
    }

    assertThat(mine(repository().unfinished(), ids)).extracting(EvaluationRun::status)
        .containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.RUNNING);
  }

  @Test
  void resultsComeBackEvaluationSetFirstThenByIndexThenInInsertionOrder() {
    String id = saved(queued(uniqueName("run"), spec("questions", "control-set"), CREATED_AT)).id();

    repository().append(id, List.of(result(CONTROL, 0, B, "c0"), result(EVALUATION, 1, B, "e1b")));
    repository().append(id, List.of(result(EVALUATION, 1, A, "e1a"), result(EVALUATION, 0, C, "e0c")));
    repository().append(id, List.of(result(EVALUATION, 0, A, "e0a"), result(CONTROL, 0, C, "c0c")));

    assertThat(repository().results(id)).extracting(QuestionResult::answer)
        .containsExactly("e0c", "e0a", "e1b", "e1a", "c0", "c0c");
  }

  @Test
  void resultsEqualWhatWasAppendedIncludingNullsAndUnicode() {
    String id = saved(queued(uniqueName("run"), spec("questions", null), CREATED_AT)).id();
    QuestionResult rag = result(EVALUATION, 0, A, "Antwort: Zoë — 東京 🌃\n\"quoted\" \\ [doc-0]");
    QuestionResult closedBook = result(EVALUATION, 0, B, "a".repeat(20_000));
    QuestionResult failed = new QuestionResult(EVALUATION, 1, C, "Question 1?", "", 0, 0, false, List.of(), null,
        null, null, 0.0, 0, 0, "timed out after 30 s — Zeitüberschreitung");

    repository().append(id, List.of(rag, closedBook, failed));

    assertThat(repository().results(id)).containsExactly(rag, closedBook, failed);
  }

  @Test
  void appendingAResultForTheSameQuestionAndContenderReplacesItInPlace() {
    String id = saved(queued(uniqueName("run"), spec("questions", "control-set"), CREATED_AT)).id();
    repository().append(id, List.of(result(EVALUATION, 0, A, "first"), result(EVALUATION, 0, B, "other")));
    QuestionResult again = result(EVALUATION, 0, A, "after resume");

    repository().append(id, List.of(again, result(CONTROL, 0, A, "control keeps its own")));

    assertThat(repository().results(id)).extracting(QuestionResult::set, QuestionResult::contender, QuestionResult::answer)
        .containsExactly(
            tuple(EVALUATION, A, "after resume"), tuple(EVALUATION, B, "other"),
            tuple(CONTROL, A, "control keeps its own"));
  }

  @Test
  void concurrentAppendsOfDifferentQuestionsAreAllKept() throws Exception {
    String id = saved(queued(uniqueName("run"), spec("questions", null), CREATED_AT)).id();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            repository().append(id, List.of(result(EVALUATION, writer * 10 + i, A, "w" + writer)));
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(repository().results(id)).extracting(QuestionResult::index)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).boxed().toList());
  }

  @Test
  void resultsOfOneRunStayApartFromAnother() {
    String one = saved(queued(uniqueName("run"), spec("questions", null), CREATED_AT)).id();
    String two = saved(queued(uniqueName("run"), spec("questions", null), CREATED_AT)).id();

    repository().append(one, List.of(result(EVALUATION, 0, A, "one")));
    repository().append(two, List.of(result(EVALUATION, 0, A, "two")));

    assertThat(repository().results(one)).extracting(QuestionResult::answer).containsExactly("one");
    assertThat(repository().results(two)).extracting(QuestionResult::answer).containsExactly("two");
  }

  @Test
  void deleteRemovesTheRunAndItsResultsOnly() {
    String gone = saved(finished(uniqueName("run"), spec("questions", null))).id();
    EvaluationRun kept = saved(finished(uniqueName("run"), spec("questions", null)));
    repository().append(gone, List.of(result(EVALUATION, 0, A, "gone")));
    repository().append(kept.id(), List.of(result(EVALUATION, 0, A, "kept")));

    assertThat(repository().delete(gone)).isTrue();

    assertThat(repository().find(gone)).isEmpty();
    assertThat(repository().results(gone)).isEmpty();
    assertThat(mine(repository().list(), List.of(gone, kept.id()))).containsExactly(kept);
    assertThat(repository().results(kept.id())).extracting(QuestionResult::answer).containsExactly("kept");
  }

  @Test
  void appendingToAnUnknownRunStoresNothing() {
    String id = uniqueName("missing");

    repository().append(id, List.of(result(EVALUATION, 0, A, "orphan")));

    assertThat(repository().results(id)).isEmpty();
    assertThat(repository().find(id)).isEmpty();
  }

  @Test
  void deleteOfUnknownRunReturnsFalse() {
    assertThat(repository().delete(uniqueName("missing"))).isFalse();
  }
}
