package io.augment.application.evaluation;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import io.augment.domain.model.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Evaluation runs: a durable background job that puts every question of a set to every contender,
 * scores the answers, and joins the cost of what produced each contender. At most
 * {@code maxRunning} runs execute at once; the others wait QUEUED in submission order.
 */
public final class EvaluationRuns {
  private static final System.Logger LOG = System.getLogger(EvaluationRuns.class.getName());
  /** Runs executing at once unless configured otherwise: each one keeps a generator busy. */
  public static final int DEFAULT_MAX_RUNNING = 2;

  private final EvaluationSetRepository sets;
  private final EvaluationRunRepository runs;
  private final ContenderCheck check;
  private final ContenderAnswers answers;
  private final ContenderCosts costs;
  private final Executor executor;
  private final Clock clock;
  private final int maxRunning;
  private final Map<String, RunExecution> active = new ConcurrentHashMap<>();
  private final Deque<RunExecution> waiting = new ArrayDeque<>();
  private int running;

  public EvaluationRuns(
      EvaluationSetRepository sets, EvaluationRunRepository runs, ContenderCheck check, ContenderAnswers answers,
      ContenderCosts costs, Executor executor, Clock clock) {
    this(sets, runs, check, answers, costs, executor, clock, DEFAULT_MAX_RUNNING);
  }

  public EvaluationRuns(
      EvaluationSetRepository sets, EvaluationRunRepository runs, ContenderCheck check, ContenderAnswers answers,
      ContenderCosts costs, Executor executor, Clock clock, int maxRunning) {
    this.sets = sets;
    this.runs = runs;
    this.check = check;
    this.answers = answers;
    this.costs = costs;
    this.executor = executor;
    this.clock = clock;
    this.maxRunning = Math.max(1, maxRunning);
  }

  /**
   * Checks that the set, control set, knowledge bases, trained models and generators named exist
   * (404 / 400 naming the field otherwise), stores the run QUEUED and starts it.
   */
  public EvaluationRun start(EvaluationRunSpec spec) {
    EvaluationSet evaluation = set("evaluationSet", spec.evaluationSet());
    int control = spec.controlSet() == null ? 0 : set("controlSet", spec.controlSet()).questions();
    List<ContenderResult> results = new ArrayList<>();
    for (int i = 0; i < spec.contenders().size(); i++) {
      Contender c = check.check("contenders[" + i + "]", spec.contenders().get(i));
      results.add(new ContenderResult(c.label(), null, null, costs.cost(c)));
    }
    long total = RunPlan.total(spec, evaluation.questions(), control);
    EvaluationRun run = new EvaluationRun(UUID.randomUUID().toString(), spec, JobStatus.QUEUED,
        new Progress(0, total, RunExecution.UNIT, 0, null), results, null, clock.instant(), null);
    runs.save(run);
    submit(run.id());
    return run;
  }

  /** @throws io.augment.domain.model.NotFoundException when there is no such run */
  public EvaluationRun get(String id) {
    return runs.find(id).orElseThrow(() -> new NotFoundException("evaluation run", id));
  }

  /** Every run, newest first. */
  public List<EvaluationRun> list() {
    return runs.list();
  }

  /** Asks an unfinished run to stop after the answer in progress; a finished run is returned unchanged. */
  public EvaluationRun cancel(String id) {
    EvaluationRun run = get(id);
    if (run.status().finished()) {
      return run;
    }
    RunExecution execution = active.get(id);
    if (execution == null) { // unfinished in the store but not executing here (before recover)
      execution = execution(id);
    }
    boolean wasWaiting;
    synchronized (waiting) {
      wasWaiting = waiting.remove(execution);
    }
    execution.cancel();
    if (wasWaiting) {
      active.remove(id, execution);
    }
    return get(id);
  }

  /** Cancels the run if unfinished and removes it with its results. @throws NotFoundException */
  public void delete(String id) {
    cancel(id);
    active.remove(id);
    runs.delete(id);
  }

  /** Per-question results in {@link io.augment.domain.evaluation.EvaluationRunRepository#results} order. */
  public List<QuestionResult> results(String id) {
    get(id);
    return runs.results(id);
  }

  /** At start-up: resumes every run a stop left QUEUED or RUNNING from its stored results. */
  public void recover() {
    List<EvaluationRun> unfinished = runs.unfinished();
    if (!unfinished.isEmpty()) {
      LOG.log(Level.INFO, "resuming {0} unfinished evaluation run(s)", unfinished.size());
    }
    unfinished.stream().sorted(java.util.Comparator.comparing(EvaluationRun::createdAt))
        .filter(r -> !active.containsKey(r.id())).forEach(r -> submit(r.id()));
  }

  private EvaluationSet set(String field, String name) {
    return sets.find(name).orElseThrow(() -> new NotFoundException(field + ": evaluation set", name));
  }

  private RunExecution execution(String id) {
    return new RunExecution(id, runs, sets, answers, clock);
  }

  private void submit(String id) {
    RunExecution execution = execution(id);
    active.put(id, execution);
    synchronized (waiting) {
      waiting.add(execution);
    }
    dispatch();
  }

  /** Starts waiting runs while fewer than {@code maxRunning} execute. */
  private void dispatch() {
    while (true) {
      RunExecution next;
      synchronized (waiting) {
        if (running >= maxRunning || waiting.isEmpty()) {
          return;
        }
        next = waiting.poll();
        running++;
      }
      try {
        executor.execute(() -> {
          try {
            next.run();
          } finally {
            release(next);
          }
        });
      } catch (RuntimeException e) { // rejected: it stays QUEUED in the store and resumes at the next start
        LOG.log(Level.WARNING, "evaluation run " + next.id() + " could not be started", e);
        release(next);
        return;
      }
    }
  }

  private void release(RunExecution done) {
    synchronized (waiting) {
      running--;
    }
    active.remove(done.id(), done);
    dispatch();
  }
}
