package io.augment.application.evaluation;

import io.augment.application.job.BackgroundJobs;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Executes one run: skips the answers already stored (a resumed run never asks or counts one twice),
 * asks the rest, appends them in small batches with the progress, and logs progress every few
 * seconds. State changes happen under one lock, so a cancel and the worker never both write: once
 * {@link #cancel} has stored CANCELLED, an answer finishing after it is dropped, and the stored
 * scores always equal the stored per-question results.
 */
final class RunExecution implements Runnable {
  private static final System.Logger LOG = System.getLogger(RunExecution.class.getName());
  static final int FLUSH_EVERY = 8;
  private static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long LOG_NANOS = TimeUnit.SECONDS.toNanos(2);
  static final String UNIT = "answers";

  private final String id;
  private final EvaluationRunRepository runs;
  private final EvaluationSetRepository sets;
  private final ContenderAnswers answers;
  private final Clock clock;
  private final Object lock = new Object();
  private final List<QuestionResult> buffer = new ArrayList<>();
  private boolean stopped; // cancelled, failed or finished: nothing more is written
  private EvaluationRun current;

  RunExecution(String id, EvaluationRunRepository runs, EvaluationSetRepository sets, ContenderAnswers answers, Clock clock) {
    this.id = id;
    this.runs = runs;
    this.sets = sets;
    this.answers = answers;
    this.clock = clock;
  }

  String id() {
    return id;
  }

  @Override
  public void run() {
    List<RunPlan.Step> remaining;
    long total;
    long already;
    synchronized (lock) {
      current = runs.find(id).orElse(null);
      if (stopped || current == null || current.status().finished()) {
        return;
      }
      try {
        RunPlan plan = plan(current.spec());
        remaining = plan.remaining(runs.results(id));
        total = plan.steps().size();
        already = total - remaining.size();
        save(JobStatus.RUNNING, new Progress(already, total, UNIT, 0, null), null);
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
    }
    if (already > 0) {
      LOG.log(Level.INFO, "evaluation run {0}: resuming, {1} of {2} answers already stored", id, already, total);
    }
    try {
      ask(remaining, already, total);
    } catch (RuntimeException e) {
      synchronized (lock) {
        fail(e);
      }
    }
  }

  private void ask(List<RunPlan.Step> remaining, long already, long total) {
    EvaluationRunSpec spec = current.spec();
    long started = System.nanoTime();
    long lastFlush = started;
    long lastLog = started;
    int done = 0;
    for (RunPlan.Step step : remaining) {
      synchronized (lock) {
        if (stopped) {
          return;
        }
      }
      ContenderAnswer answer = answers.answer(step.contender(), step.question().question(), spec.topK(), spec.maxTokens());
      QuestionResult result = Scoring.question(step.set(), step.index(), step.question(), answer);
      long now = System.nanoTime();
      Progress session = Progress.of(++done, remaining.size(), UNIT, Duration.ofNanos(now - started));
      Progress progress = new Progress(already + done, total, UNIT, session.ratePerSecond(), session.eta());
      synchronized (lock) {
        if (stopped) {
          return; // cancelled while answering: the stored state is final
        }
        buffer.add(result);
        if (buffer.size() >= FLUSH_EVERY || now - lastFlush >= FLUSH_NANOS) {
          flush(JobStatus.RUNNING, progress);
          lastFlush = now;
        } else {
          current = with(current, JobStatus.RUNNING, progress, current.results(), null);
        }
      }
      if (now - lastLog >= LOG_NANOS || done == remaining.size()) {
        lastLog = now;
        LOG.log(Level.INFO, "evaluation run {0} on {1}: {2}", id, spec.evaluationSet(), BackgroundJobs.describe(progress));
      }
    }
    synchronized (lock) {
      if (!stopped) {
        finish(JobStatus.SUCCEEDED, null);
      }
    }
  }

  /** Stops after the answer in progress: stores what is buffered and the run CANCELLED, scored. */
  void cancel() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      if (current == null) { // not started in this process
        current = runs.find(id).orElse(null);
        if (current == null || current.status().finished()) {
          stopped = true;
          return;
        }
      }
      finish(JobStatus.CANCELLED, null);
    }
  }

  private RunPlan plan(EvaluationRunSpec spec) {
    List<EvaluationQuestion> evaluation = questions(spec.evaluationSet());
    List<EvaluationQuestion> control = spec.controlSet() == null ? List.of() : questions(spec.controlSet());
    return RunPlan.of(spec, evaluation, control);
  }

  private List<EvaluationQuestion> questions(String set) {
    List<EvaluationQuestion> questions = sets.questions(set);
    if (questions.isEmpty()) {
      throw new IllegalStateException("evaluation set '" + set + "' was deleted before the run could finish");
    }
    return questions;
  }

  private void fail(RuntimeException e) {
    if (stopped) {
      return;
    }
    LOG.log(Level.WARNING, "evaluation run " + id + " failed", e);
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    try {
      finish(JobStatus.FAILED, reason);
    } catch (RuntimeException again) { // the store itself is failing: the run stays unfinished and resumes
      stopped = true;
      LOG.log(Level.WARNING, "evaluation run " + id + " could not be marked failed", again);
    }
  }

  /** Stores the buffer, then the run with scores from every stored result; nothing is written after. */
  private void finish(JobStatus status, String error) {
    stopped = true;
    if (!buffer.isEmpty()) {
      runs.append(id, List.copyOf(buffer));
      buffer.clear();
    }
    List<QuestionResult> stored = runs.results(id);
    Progress p = current.progress();
    Progress end = new Progress(stored.size(), Math.max(p.total(), stored.size()), UNIT, p.ratePerSecond(),
        status == JobStatus.SUCCEEDED ? Duration.ZERO : null);
    current = with(current, status, end, RunResults.of(current, stored), error);
    runs.save(current);
  }

  private void flush(JobStatus status, Progress progress) {
    runs.append(id, List.copyOf(buffer));
    buffer.clear();
    save(status, progress, null);
  }

  private void save(JobStatus status, Progress progress, String error) {
    current = with(current, status, progress, current.results(), error);
    runs.save(current);
  }

  private EvaluationRun with(
      EvaluationRun r, JobStatus status, Progress progress, List<io.augment.domain.evaluation.ContenderResult> results,
      String error) {
    return new EvaluationRun(r.id(), r.spec(), status, progress, results, error, r.createdAt(),
        status.finished() ? clock.instant() : null);
  }
}
