package io.augment.application.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.job.JobStatus;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluationRunsTest {
  private final EvaluationTestbed bed = new EvaluationTestbed();

  private static List<QuestionResult> of(List<QuestionResult> results, String set, String contender) {
    return results.stream().filter(r -> r.set().equals(set) && r.contender().equals(contender)).toList();
  }

  @Test
  void putsEveryQuestionToEveryContenderAndScoresExactlyItsOwnPerQuestionResults() {
    bed.set("islands", 4);
    bed.set("general", 2);
    bed.oracle.script = EvaluationTestbed::knows;
    // Closed book the trained model knows the even islands only; reading sources it knows them all.
    bed.engine.script = p -> !p.context().isEmpty() ? EvaluationTestbed.knows(p) + " [1]"
        : p.question().matches(".*[02468] export\\?") ? EvaluationTestbed.knows(p) : "sugar";
    EvaluationRuns runs = bed.runs(EvaluationTestbed.DIRECT);

    EvaluationRun started = runs.start(EvaluationTestbed.spec("islands", "general",
        "rag:handbook", "generator:oracle", "adapter:tuned", "rag:handbook+adapter:tuned"));

    assertThat(started.status()).isEqualTo(JobStatus.QUEUED);
    // 4 questions x 4 contenders, and 2 control questions for the 3 that are not plain RAG.
    assertThat(started.progress().total()).isEqualTo(22);
    EvaluationRun run = runs.get(started.id());
    List<QuestionResult> results = runs.results(run.id());
    assertThat(run.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(run.finishedAt()).isNotNull();
    assertThat(run.progress().done()).isEqualTo(22);
    assertThat(run.progress().percent()).isEqualTo(100.0);
    assertThat(results).hasSize(22);
    for (ContenderResult c : run.results()) {
      assertThat(c.scores()).isEqualTo(Scoring.aggregate(of(results, QuestionResult.EVALUATION, c.contender())));
      assertThat(c.scores().questions()).isEqualTo(4);
      assertThat(c.control()).isEqualTo(Scoring.aggregate(of(results, QuestionResult.CONTROL, c.contender())));
    }
    assertThat(run.results()).extracting(ContenderResult::contender)
        .containsExactly("rag:handbook", "generator:oracle", "adapter:tuned", "rag:handbook+adapter:tuned");
    ContenderResult rag = run.results().get(0);
    ContenderResult oracle = run.results().get(1);
    ContenderResult tuned = run.results().get(2);
    ContenderResult ragTuned = run.results().get(3);
    assertThat(rag.control()).isNull();
    assertThat(rag.scores().recallAtK()).isEqualTo(1.0);
    assertThat(rag.cost().chunks()).isEqualTo(EvaluationTestbed.FACTS);
    assertThat(oracle.scores().exactMatch()).isEqualTo(1.0);
    assertThat(oracle.scores().recallAtK()).isNull();
    assertThat(oracle.control().questions()).isEqualTo(2);
    assertThat(tuned.scores().exactMatch()).isEqualTo(0.5);
    assertThat(tuned.cost().trainableParameters()).isEqualTo(EvaluationTestbed.TUNED_COST.trainableParameters());
    assertThat(ragTuned.scores().exactMatch()).isEqualTo(1.0);
    assertThat(ragTuned.scores().citesGold()).isEqualTo(1.0);
    assertThat(ragTuned.cost().ingestMillis()).isNotNull();
  }

  @Test
  void aContenderFailingOnAQuestionRecordsTheErrorAndScoresZeroForIt() {
    bed.set("islands", 4);
    bed.oracle.script = p -> {
      if (p.question().contains("island 1 ")) {
        throw new BackendUnavailableException("oracle", "connection refused", null);
      }
      return EvaluationTestbed.knows(p);
    };
    EvaluationRuns runs = bed.runs(EvaluationTestbed.DIRECT);

    EvaluationRun run = runs.get(runs.start(EvaluationTestbed.spec("islands", null, "generator:oracle")).id());

    assertThat(run.status()).isEqualTo(JobStatus.SUCCEEDED);
    QuestionResult failed = runs.results(run.id()).get(1);
    assertThat(failed.error()).contains("connection refused");
    assertThat(failed.f1()).isZero();
    assertThat(run.results().get(0).scores().questions()).isEqualTo(4);
    assertThat(run.results().get(0).scores().exactMatch()).isEqualTo(0.75);
  }

  @Test
  void refusesAnUnknownContenderOrSetNamingTheFieldAndStoresNoRun() {
    bed.set("islands", 2);
    EvaluationRuns runs = bed.runs(EvaluationTestbed.DIRECT);

    assertThatThrownBy(() -> runs.start(EvaluationTestbed.spec("islands", null, "rag:handbook", "rag:atlas")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contenders[1]").hasMessageContaining("atlas");
    assertThatThrownBy(() -> runs.start(EvaluationTestbed.spec("islands", null, "adapter:ghost")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contenders[0]");
    assertThatThrownBy(() -> runs.start(EvaluationTestbed.spec("atlas", null, "rag:handbook")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("evaluationSet");
    assertThatThrownBy(() -> runs.start(EvaluationTestbed.spec("islands", "atlas", "rag:handbook")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("controlSet");
    assertThat(runs.list()).isEmpty();
    assertThat(bed.oracle.asked() + bed.engine.asked()).isZero();
  }

  @Test
  void refusesTrainedModelContendersAsBadInputWhileTheEngineIsOff() {
    bed.set("islands", 2);
    var noEngine = new io.augment.application.generation.Generators(
        new io.augment.application.InMemoryPlatform.QuoteFirstSource(), List.of(bed.oracle));
    EvaluationRuns runs = new EvaluationRuns(bed.setRepository, bed.runRepository,
        new ContenderCheck(bed.platform.knowledgeBaseRepository, null, noEngine),
        new ContenderAnswers(bed.platform.answers, noEngine), bed.costs, EvaluationTestbed.DIRECT, java.time.Clock.systemUTC());

    assertThatThrownBy(() -> runs.start(EvaluationTestbed.spec("islands", null, "rag:handbook", "rag:handbook+adapter:tuned")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("contenders[1]"));
    assertThat(runs.list()).isEmpty();
  }

  @Test
  void cancellingStopsAfterTheAnswerInProgressAndKeepsThePartialResultsScored() throws Exception {
    bed.set("islands", 10);
    CountDownLatch third = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    bed.oracle.script = p -> {
      if (calls.incrementAndGet() == 3) {
        third.countDown();
        await(release);
      }
      return EvaluationTestbed.knows(p);
    };
    ExecutorService executor = Executors.newSingleThreadExecutor();
    EvaluationRuns runs = bed.runs(executor);
    try {
      String id = runs.start(EvaluationTestbed.spec("islands", null, "generator:oracle")).id();
      assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();

      EvaluationRun cancelled = runs.cancel(id);
      release.countDown();
      executor.shutdown();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

      assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
      EvaluationRun stored = runs.get(id);
      assertThat(stored).isEqualTo(cancelled);
      assertThat(calls.get()).isEqualTo(3);
      List<QuestionResult> results = runs.results(id);
      assertThat(results).extracting(QuestionResult::index).containsExactly(0, 1);
      assertThat(stored.results().get(0).scores()).isEqualTo(Scoring.aggregate(results));
      assertThat(stored.progress().done()).isEqualTo(2);
      assertThat(runs.cancel(id)).isEqualTo(stored);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void resumesAfterARestartWithoutAskingOrCountingAnyAnswerTwice() {
    bed.set("islands", 20);
    AtomicInteger calls = new AtomicInteger();
    bed.oracle.script = p -> {
      if (calls.incrementAndGet() == 13) {
        throw new EvaluationTestbed.Crash();
      }
      return EvaluationTestbed.knows(p);
    };
    String id = bed.runs(EvaluationTestbed.DIRECT).start(EvaluationTestbed.spec("islands", null, "generator:oracle")).id();
    int storedBeforeRestart = bed.runRepository.results(id).size();
    assertThat(bed.runRepository.find(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(storedBeforeRestart).isBetween(RunExecution.FLUSH_EVERY, 12);
    // What was stored came with its progress: answers done of all, a rate and an ETA.
    var interrupted = bed.runRepository.find(id).orElseThrow().progress();
    assertThat(interrupted.done()).isEqualTo(storedBeforeRestart);
    assertThat(interrupted.total()).isEqualTo(20);
    assertThat(interrupted.unit()).isEqualTo("answers");
    assertThat(interrupted.ratePerSecond()).isPositive();
    assertThat(interrupted.eta()).isNotNull();

    // The process starts again over the same stores.
    EvaluationTestbed.Scripted fresh = bed.oracle;
    fresh.prompts.clear();
    fresh.script = EvaluationTestbed::knows;
    EvaluationRuns restarted = bed.runs(EvaluationTestbed.DIRECT);
    restarted.recover();

    EvaluationRun run = restarted.get(id);
    List<QuestionResult> results = restarted.results(id);
    assertThat(run.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(fresh.asked()).isEqualTo(20 - storedBeforeRestart);
    assertThat(results).hasSize(20).extracting(QuestionResult::index).doesNotHaveDuplicates();
    assertThat(run.progress().done()).isEqualTo(20);
    assertThat(run.results().get(0).scores().questions()).isEqualTo(20);
    assertThat(run.results().get(0).scores().exactMatch()).isEqualTo(1.0);
    assertThat(run.results().get(0).cost()).isEqualTo(bed.costs.cost(run.spec().contenders().get(0)));
  }

  @Test
  void recoveryStartsARunThatWasStillQueuedAndCancelBeforeRecoveryEndsIt() {
    bed.set("islands", 3);
    List<Runnable> never = new ArrayList<>();
    String queued = bed.runs(never::add).start(EvaluationTestbed.spec("islands", null, "rag:handbook")).id();
    String dropped = bed.runs(never::add).start(EvaluationTestbed.spec("islands", null, "generator:oracle")).id();

    EvaluationRuns restarted = bed.runs(EvaluationTestbed.DIRECT);
    assertThat(restarted.cancel(dropped).status()).isEqualTo(JobStatus.CANCELLED);
    restarted.recover();

    assertThat(restarted.get(queued).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(restarted.results(queued)).hasSize(3);
    assertThat(restarted.get(dropped).results().get(0).scores()).isNull();
    assertThat(bed.oracle.asked()).isZero();
  }

  @Test
  void runsAtMostTheLimitAtOnceAndStartsTheNextWhenOneEnds() {
    bed.set("islands", 2);
    List<Runnable> tasks = new ArrayList<>();
    EvaluationRuns runs = new EvaluationRuns(bed.setRepository, bed.runRepository, bed.check, bed.answers, bed.costs,
        tasks::add, java.time.Clock.systemUTC(), 1);

    String first = runs.start(EvaluationTestbed.spec("islands", null, "rag:handbook")).id();
    String second = runs.start(EvaluationTestbed.spec("islands", null, "generator:oracle")).id();

    assertThat(tasks).hasSize(1);
    tasks.remove(0).run();
    assertThat(runs.get(first).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(runs.get(second).status()).isEqualTo(JobStatus.QUEUED);
    assertThat(tasks).hasSize(1);
    tasks.remove(0).run();
    assertThat(runs.get(second).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(runs.list()).extracting(EvaluationRun::id).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void aRunWhoseSetWasDeletedBeforeItStartedFailsWithTheReason() {
    bed.set("islands", 2);
    List<Runnable> tasks = new ArrayList<>();
    EvaluationRuns runs = bed.runs(tasks::add);
    String id = runs.start(EvaluationTestbed.spec("islands", null, "rag:handbook")).id();
    bed.sets.delete("islands");

    tasks.forEach(Runnable::run);

    EvaluationRun run = runs.get(id);
    assertThat(run.status()).isEqualTo(JobStatus.FAILED);
    assertThat(run.error()).contains("islands");
    assertThat(run.finishedAt()).isNotNull();
  }

  @Test
  void deletingARunRemovesItWithItsResults() {
    bed.set("islands", 2);
    EvaluationRuns runs = bed.runs(EvaluationTestbed.DIRECT);
    String id = runs.start(EvaluationTestbed.spec("islands", null, "rag:handbook")).id();

    runs.delete(id);

    assertThatThrownBy(() -> runs.get(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> runs.results(id)).isInstanceOf(NotFoundException.class);
    assertThat(bed.runRepository.results(id)).isEmpty();
    assertThatThrownBy(() -> runs.delete(id)).isInstanceOf(NotFoundException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
