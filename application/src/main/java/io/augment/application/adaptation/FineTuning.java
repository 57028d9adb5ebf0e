package io.augment.application.adaptation;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneEvent.Level;
import io.augment.domain.adaptation.FineTuneEvent.StepMetrics;
import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuneSpec;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingMetrics;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.job.Progress;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Fine-tuning jobs as a durable service over a {@link FineTuner}: every job is recorded before it is
 * acknowledged, every change of state and every event is stored as it happens, and
 * {@link #recover()} at start-up finds the jobs an earlier process left unfinished and resumes
 * each (from its trainer's last checkpoint) or fails it with the reason, so no job stays
 * {@code running} with nothing running it. Finished jobs beyond {@link Settings#retainedJobs()} are
 * pruned, oldest first.
 */
public final class FineTuning {
  private static final System.Logger LOG = System.getLogger(FineTuning.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Most events or jobs one page returns. */
  public static final int MAX_PAGE = 100;

  /**
   * @param retainedJobs  finished jobs kept per tenant (older ones are deleted with their events)
   * @param metricsEvery  least time between two stored metrics events of a job (the first and last step, and steps
   *                      with a validation loss, are always stored)
   * @param maxResumes    times a job is resumed after the server stopped under it before it is failed
   */
  public record Settings(int retainedJobs, Duration metricsEvery, int maxResumes) {
    public static final Settings DEFAULT = new Settings(100, Duration.ofSeconds(1), 3);
  }

  /** One page of a list, and whether more follow. */
  public record Page<T>(List<T> items, boolean hasMore) {}

  private final FineTuner trainer;
  private final FineTuneJobRepository jobs;
  private final TrainingFiles files;
  private final KnowledgeBaseCorpus corpus;
  private final Clock clock;
  private final Settings settings;
  private final Map<String, Tracker> live = new ConcurrentHashMap<>();

  public FineTuning(FineTuner trainer, FineTuneJobRepository jobs, TrainingFiles files, KnowledgeBaseCorpus corpus,
      Clock clock, Settings settings) {
    this.trainer = trainer;
    this.jobs = jobs;
    this.files = files;
    this.corpus = corpus;
    this.clock = clock;
    this.settings = settings;
  }

  /** The trainer's defaults for settings a request leaves out. */
  public FineTuneDefaults defaults() {
    return trainer.defaults();
  }

  /** Resolves the command's data and settings, then records and starts the job. */
  public FineTuningJob start(FineTuneCommand command) {
    FineTuneDefaults defaults = trainer.defaults();
    FineTuneCommand.Fields fields = command.fields();
    String base = command.baseModel() == null || command.baseModel().isBlank() ? defaults.baseModel() : command.baseModel();
    if (base == null) {
      throw new InvalidInputException(fields.baseModel(), "is required: name the model to fine-tune");
    }
    AdaptationMethod method = command.method();
    LoraSettings lora = method == AdaptationMethod.LORA
        ? (command.lora() == null ? defaults.lora() : command.lora().settings(defaults)) : null;
    FineTuneOptions.Training options = command.training() == null ? FineTuneOptions.Training.DEFAULTS : command.training();
    if (options.sequenceLength() == null) {
      int cap = Math.max(2, trainer.maxSequenceLength(base));
      options = options.withSequenceLength(Math.min(FineTuneOptions.DEFAULT_SEQUENCE_LENGTH, cap));
    }
    TrainingSettings training = options.settings(method, defaults);
    List<TrainingExample> examples;
    String source;
    if (command.trainingFile() != null) {
      examples = files.examples(command.trainingFile(), fields.trainingFile());
      source = "file:" + command.trainingFile();
    } else if (command.knowledgeBase() != null) {
      examples = corpus.texts(command.knowledgeBase()).stream().<TrainingExample>map(TrainingExample.Text::new).toList();
      source = "knowledge-base:" + command.knowledgeBase();
    } else {
      examples = command.texts().stream().<TrainingExample>map(TrainingExample.Text::new).toList();
      source = "texts";
    }
    List<TrainingExample> validation = command.validationFile() == null ? List.of()
        : files.examples(command.validationFile(), fields.validationFile());
    FineTuneRequest request = new FineTuneRequest(command.name(), base, method, lora, training, examples, validation);
    return submit(request, source, command.validationFile() == null ? null : "file:" + command.validationFile());
  }

  /**
   * Records and starts a job for a complete request (the benchmark's way in); returns once the job
   * is durable. The trainer validates first, so a refused request leaves nothing behind.
   */
  public FineTuningJob submit(FineTuneRequest request, String source, String validationSource) {
    trainer.validate(request);
    String id = "ftjob-" + HexFormat.of().formatHex(RANDOM.generateSeed(12));
    FineTuneSpec spec = new FineTuneSpec(request.name(), request.baseModel(), request.method(), request.lora(),
        request.training(), source, validationSource, request.examples().size(), request.validation().size());
    FineTuningJob job = new FineTuningJob(id, spec, FineTuneStatus.QUEUED, new Progress(0, 0, "steps", 0, null), null,
        null, now(), null, 0);
    Tracker tracker = new Tracker(job, 1);
    live.put(id, tracker);
    synchronized (tracker) {
      try {
        trainer.start(id, request, tracker);
      } catch (RuntimeException e) {
        live.remove(id);
        throw e;
      }
      tracker.event(Level.INFO, "created fine-tuning job " + id + ": " + describe(spec), null);
      tracker.persist(); // the acknowledgement: what the trainer reported meanwhile is part of it
    }
    return tracker.job;
  }

  public FineTuningJob get(String id) {
    Tracker tracker = live.get(id);
    if (tracker != null) {
      return tracker.snapshot();
    }
    return jobs.find(id).orElseThrow(() -> new NotFoundException("fine-tuning job", id));
  }

  /** Every job, newest first. */
  public List<FineTuningJob> list() {
    return jobs.list().stream().map(j -> live.containsKey(j.id()) ? live.get(j.id()).snapshot() : j).toList();
  }

  /** Jobs newest first, after the job {@code after} (null: from the newest), at most {@code limit}. */
  public Page<FineTuningJob> list(String after, int limit) {
    checkLimit(limit);
    List<FineTuningJob> all = list();
    int from = 0;
    if (after != null) {
      from = -1;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).id().equals(after)) {
          from = i + 1;
        }
      }
      if (from < 0) {
        throw new InvalidInputException("after", "no fine-tuning job '" + after + "'");
      }
    }
    List<FineTuningJob> page = all.subList(from, Math.min(all.size(), from + limit));
    return new Page<>(List.copyOf(page), from + limit < all.size());
  }

  /**
   * Cancels a job and waits briefly for the trainer to confirm; a finished job is returned as it
   * is. A job nothing runs any more (its trainer lost it) ends cancelled at once.
   */
  public FineTuningJob cancel(String id) {
    FineTuningJob job = get(id);
    if (job.status().finished()) {
      return job;
    }
    Tracker tracker = live.get(id);
    if (tracker == null) {
      return jobs.find(id).orElseThrow(() -> new NotFoundException("fine-tuning job", id));
    }
    trainer.cancel(id);
    tracker.awaitEnd(Duration.ofSeconds(5));
    return get(id);
  }

  /** The job's events with seq above {@code afterSeq}, oldest first. */
  public List<FineTuneEvent> events(String id, long afterSeq, int limit) {
    checkLimit(limit);
    get(id);
    return jobs.events(id, afterSeq, limit);
  }

  /** The job's events below {@code beforeSeq} (null: the newest), newest first, and whether older ones exist. */
  public Page<FineTuneEvent> latestEvents(String id, Long beforeSeq, int limit) {
    checkLimit(limit);
    get(id);
    List<FineTuneEvent> page = jobs.latestEvents(id, beforeSeq, limit + 1);
    return new Page<>(List.copyOf(page.subList(0, Math.min(limit, page.size()))), page.size() > limit);
  }

  /** The checkpoints the trainer keeps for the job, oldest first. */
  public List<FineTuneCheckpoint> checkpoints(String id) {
    get(id);
    return jobs.checkpoints(id);
  }

  /** Jobs queued or running. */
  public long active() {
    return live.size();
  }

  /**
   * Once at start-up: resumes each job an earlier process left unfinished, or fails it with the
   * reason, then lets the trainer discard what it keeps of any other job. Returns the jobs resumed.
   */
  public int recover() {
    List<String> resumed = new ArrayList<>();
    for (FineTuningJob stored : jobs.unfinished()) {
      if (live.containsKey(stored.id())) {
        resumed.add(stored.id());
        continue;
      }
      long nextSeq = jobs.latestEvents(stored.id(), null, 1).stream().mapToLong(FineTuneEvent::seq).max().orElse(0) + 1;
      FineTuningJob job = stored.resumed().with(FineTuneStatus.QUEUED, stored.progress(), stored.metrics(), null, null);
      Tracker tracker = new Tracker(job, nextSeq);
      tracker.saved = true;
      if (stored.resumes() >= settings.maxResumes()) {
        tracker.fail("the server stopped under this job " + stored.resumes() + " times; it is not resumed again");
        continue;
      }
      live.put(job.id(), tracker);
      synchronized (tracker) {
        boolean ok;
        String why = null;
        try {
          ok = trainer.resume(job.id(), tracker);
        } catch (RuntimeException e) {
          ok = false;
          why = e.getMessage();
        }
        if (ok) {
          resumed.add(job.id());
          tracker.event(Level.WARN, "the server restarted while this job was " + stored.status().wire()
              + "; the trainer resumes it (restart " + job.resumes() + " of at most " + settings.maxResumes() + ")", null);
          tracker.persist();
        } else {
          tracker.fail("the server stopped while this job was " + stored.status().wire()
              + ", and the trainer kept nothing to resume it from" + (why == null ? "" : ": " + why));
        }
      }
    }
    trainer.retainOnly(java.util.Set.copyOf(live.keySet()));
    if (!resumed.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "fine-tuning: resumed " + resumed.size() + " job(s) after a restart: " + resumed);
    }
    return resumed.size();
  }

  /** Deletes finished jobs beyond the retention, oldest first. */
  void prune() {
    List<FineTuningJob> finished = jobs.list().stream().filter(j -> j.status().finished()).toList();
    for (FineTuningJob old : finished.subList(Math.min(finished.size(), settings.retainedJobs()), finished.size())) {
      jobs.delete(old.id());
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE + ", got " + limit);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String describe(FineTuneSpec spec) {
    return (spec.method() == AdaptationMethod.LORA ? "LoRA" : "full") + " fine-tuning of " + spec.baseModel() + " into "
        + spec.name() + " on " + spec.examples() + " examples (" + spec.source() + ")"
        + (spec.validationExamples() > 0 ? ", " + spec.validationExamples() + " validation examples" : "");
  }

  /**
   * One live job: hears its trainer, keeps its newest state in memory and stores every state change
   * and event. Its lock orders the trainer's reports after the job's first record.
   */
  private final class Tracker implements FineTuneListener {
    private volatile FineTuningJob job;
    private long nextSeq;
    private boolean saved;
    private final List<FineTuneEvent> pending = new ArrayList<>();
    private long runStartNanos;
    private int runFirstStep;
    private long lastMetricsNanos;
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    Tracker(FineTuningJob job, long nextSeq) {
      this.job = job;
      this.nextSeq = nextSeq;
    }

    FineTuningJob snapshot() {
      return job;
    }

    void awaitEnd(Duration timeout) {
      try {
        ended.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Stores the record and the events not stored yet. */
    synchronized void persist() {
      saved = true;
      jobs.save(job);
      if (!pending.isEmpty()) {
        jobs.append(job.id(), List.copyOf(pending));
        pending.clear();
      }
    }

    synchronized void event(Level level, String message, StepMetrics metrics) {
      pending.add(new FineTuneEvent(nextSeq++, now(), level, message, metrics));
    }

    /** Applies {@code change}, records an event and stores both once the job's first record exists. */
    private synchronized void report(Consumer<Tracker> change) {
      if (job.status().finished()) {
        return;
      }
      change.accept(this);
      if (saved) {
        try {
          persist();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "fine-tuning job " + job.id() + ": cannot store its state: " + e.getMessage(), e);
        }
      }
      if (job.status().finished()) {
        live.remove(job.id());
        ended.countDown();
        try {
          prune();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "fine-tuning: cannot prune old jobs: " + e.getMessage());
        }
      }
    }

    void fail(String reason) {
      report(t -> {
        t.job = t.job.with(FineTuneStatus.FAILED, t.job.progress(), t.job.metrics(), reason, now());
        t.event(Level.ERROR, "fine-tuning failed: " + reason, null);
      });
      LOG.log(System.Logger.Level.WARNING, "fine-tuning job " + job.id() + " (" + job.spec().name() + ") failed: " + reason);
    }

    @Override
    public void running(long totalParameters, long trainableParameters, int totalSteps) {
      report(t -> {
        TrainingMetrics metrics = new TrainingMetrics(totalParameters, trainableParameters, 0, List.of(), 0, 0, 0, 0);
        long done = t.job.progress() == null ? 0 : t.job.progress().done();
        t.runStartNanos = System.nanoTime();
        t.runFirstStep = (int) done;
        t.job = t.job.with(FineTuneStatus.RUNNING, new Progress(done, totalSteps, "steps", 0, null), metrics, null, null);
        t.event(Level.INFO, String.format("training %s: %d steps, %d of %d parameters trainable (%.2f%%)",
            t.job.spec().name(), totalSteps, trainableParameters, totalParameters, metrics.trainablePercent()), null);
      });
    }

    @Override
    public void step(int step, int totalSteps, double loss, Double validationLoss, double tokensPerSecond) {
      synchronized (this) {
        if (job.status().finished()) {
          return;
        }
        double seconds = Math.max(1, System.nanoTime() - runStartNanos) / 1e9;
        double stepRate = (step - runFirstStep) / seconds;
        Duration eta = stepRate > 0 && totalSteps >= step ? Duration.ofMillis((long) ((totalSteps - step) / stepRate * 1000))
            : null;
        Progress progress = new Progress(step, totalSteps, "steps", tokensPerSecond, eta);
        FineTuneStatus status = job.status() == FineTuneStatus.QUEUED ? FineTuneStatus.RUNNING : job.status();
        job = job.with(status, progress, job.metrics(), null, null);
        long nowNanos = System.nanoTime();
        boolean store = step == runFirstStep + 1 || step == totalSteps || validationLoss != null
            || nowNanos - lastMetricsNanos >= settings.metricsEvery().toNanos();
        if (!store) {
          return;
        }
        lastMetricsNanos = nowNanos;
      }
      report(t -> {
        Progress p = t.job.progress();
        t.event(Level.INFO, String.format("step %d/%d: training loss %.4f%s, %.0f tokens/s", step, totalSteps, loss,
            validationLoss == null ? "" : String.format(", validation loss %.4f", validationLoss), tokensPerSecond),
            new StepMetrics(step, totalSteps, loss, validationLoss, tokensPerSecond,
                p.eta() == null ? null : p.eta().toSeconds()));
      });
    }

    @Override
    public void checkpoint(FineTuneCheckpoint checkpoint, List<FineTuneCheckpoint> kept) {
      report(t -> {
        if (t.saved) {
          jobs.saveCheckpoints(t.job.id(), kept);
        }
        t.event(Level.INFO, "checkpoint " + checkpoint.id() + " saved at step " + checkpoint.step()
            + String.format(" (training loss %.4f%s)", checkpoint.trainLoss(), checkpoint.validationLoss() == null ? ""
            : String.format(", validation loss %.4f", checkpoint.validationLoss())), null);
      });
    }

    @Override
    public void warning(String message) {
      report(t -> t.event(Level.WARN, message, null));
    }

    @Override
    public void succeeded(TrainingMetrics metrics) {
      report(t -> {
        Progress p = t.job.progress();
        long total = Math.max(p == null ? 0 : p.total(), p == null ? 0 : p.done());
        t.job = t.job.with(FineTuneStatus.SUCCEEDED, new Progress(total, total, "steps",
            metrics.tokensPerSecond(), Duration.ZERO), metrics, null, now());
        t.event(Level.INFO, "fine-tuning succeeded: " + t.job.spec().name() + " is ready ("
            + metrics.trainedTokens() + " tokens trained, " + metrics.artifactBytes() + " bytes)", null);
      });
      LOG.log(System.Logger.Level.INFO, "fine-tuning job " + job.id() + " (" + job.spec().name() + ") succeeded");
    }

    @Override
    public void failed(String reason) {
      fail(reason == null || reason.isBlank() ? "the trainer gave no reason" : reason);
    }

    @Override
    public void cancelled() {
      report(t -> {
        t.job = t.job.with(FineTuneStatus.CANCELLED, t.job.progress(), t.job.metrics(), null, now());
        t.event(Level.INFO, "fine-tuning cancelled; nothing was installed", null);
      });
    }
  }
}
