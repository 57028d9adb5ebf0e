package io.augment.adapter.out.openaitrainer;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.TrainingMetrics;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A {@link FineTuner} that runs jobs on a remote service speaking OpenAI's fine-tuning API (OpenAI
 * itself, or another Augment's {@code /v1}): uploads the examples as JSONL, creates the job, and
 * follows it by polling, one daemon thread per followed job. What a resume needs is a small state
 * file per job in {@link OpenAiTrainerConfig#stateDir()}, stored before {@link #start} returns; the
 * files of succeeded jobs are the record of the trained models ({@link RemoteTrainedModels}).
 *
 * <p>Remote failures leave as domain errors: a refused key as {@link BackendUnavailableException}
 * (the key is never shown), a 429 that lasts through the retries as
 * {@link io.augment.domain.model.CapacityExceededException}, a refused setting as
 * {@link InvalidInputException} naming the request's field. {@link #close()} stops following
 * without reporting anything; the jobs go on remotely and can be resumed.
 */
public final class OpenAiFineTuner implements FineTuner, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(OpenAiFineTuner.class.getName());
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final OpenAiTrainerConfig config;
  private final TrainerApi api;
  private final StateStore store;
  private final Map<String, JobFollower> following = new ConcurrentHashMap<>();
  private final Set<String> starting = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;

  public OpenAiFineTuner(OpenAiTrainerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.api = new TrainerApi(new TrainerHttp(config));
    this.store = new StateStore(config.stateDir());
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "openai-trainer-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The models this trainer made, over the same state directory and remote. */
  public RemoteTrainedModels trainedModels() {
    return new RemoteTrainedModels(store, api);
  }

  @Override
  public FineTuneDefaults defaults() {
    return config.defaults();
  }

  @Override
  public void validate(FineTuneRequest request) {
    checkRequest(request);
    checkNameFree(request.name());
    if (!api.modelExists(request.baseModel())) {
      throw new NotFoundException("base model", request.baseModel());
    }
  }

  @Override
  public void start(String jobId, FineTuneRequest request, FineTuneListener listener) {
    StateStore.checkedJobId(jobId);
    Objects.requireNonNull(listener, "listener");
    checkRequest(request);
    synchronized (this) {
      if (following.containsKey(jobId) || store.read(jobId).isPresent()) {
        throw new ConflictException("fine-tuning job '" + jobId + "' was already started");
      }
      checkNameFree(request.name());
      starting.add(request.name());
    }
    try {
      List<String> files = new ArrayList<>();
      JsonNode job;
      try {
        files.add(api.upload(JobRequests.jsonl(request.examples()), "train.jsonl", "texts"));
        if (!request.validation().isEmpty()) {
          files.add(api.upload(JobRequests.jsonl(request.validation()), "validation.jsonl", "validation"));
        }
        job = api.createJob(JobRequests.createBody(request, files.get(0), files.size() > 1 ? files.get(1) : null,
            config.defaults()));
      } catch (RuntimeException e) {
        files.forEach(this::deleteQuietly);
        throw e;
      }
      JobState state = new JobState(jobId, job.path("id").asText(), request.name(), request.baseModel(),
          request.method(), files.get(0), files.size() > 1 ? files.get(1) : null, null, 0,
          status(job), null, null, 0, 0, 0, job.path("created_at").asLong(0));
      try {
        store.write(state);
      } catch (RuntimeException e) {
        cancelQuietly(state.remoteJobId());
        throw new BackendUnavailableException("fine-tuning state store",
            "could not store the job's state, so the remote job was cancelled", e);
      }
      follow(state, listener);
    } finally {
      starting.remove(request.name());
    }
  }

  @Override
  public synchronized boolean resume(String jobId, FineTuneListener listener) {
    StateStore.checkedJobId(jobId);
    Objects.requireNonNull(listener, "listener");
    JobFollower active = following.get(jobId);
    if (active != null) {
      active.listenTo(new OnceListener(listener, jobId));
      return true;
    }
    JobState state = store.read(jobId).orElse(null);
    if (state == null) {
      return false;
    }
    switch (state.status()) {
      case SUCCEEDED -> listener.succeeded(new TrainingMetrics(0, 0, state.tokensPerSecond(), List.of(), 0, 0, 0,
          state.trainedTokens()));
      case FAILED -> listener.failed(state.error() == null ? "the remote job failed" : state.error());
      case CANCELLED -> listener.cancelled();
      default -> follow(state, listener);
    }
    return true;
  }

  @Override
  public void cancel(String jobId) {
    StateStore.checkedJobId(jobId);
    JobFollower active = following.get(jobId);
    JobState state = active != null ? active.state() : store.read(jobId).orElse(null);
    if (state == null || state.status().finished()) {
      return;
    }
    api.cancel(state.remoteJobId());
    if (active != null) {
      active.poke();
    }
  }

  /** Deletes the state of other jobs not succeeded; those still unfinished are also cancelled remotely (in the background). */
  @Override
  public void retainOnly(Set<String> live) {
    for (JobState state : store.all()) {
      if (live.contains(state.jobId()) || following.containsKey(state.jobId())
          || state.status() == FineTuneStatus.SUCCEEDED) {
        continue;
      }
      if (!state.status().finished()) {
        threads.execute(() -> cancelQuietly(state.remoteJobId()));
      }
      store.delete(state.jobId());
    }
  }

  /** Stops following every job, reporting nothing; their state stays for a resume. */
  @Override
  public void close() {
    following.values().forEach(JobFollower::stop);
    threads.shutdown();
    try {
      threads.awaitTermination(config.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void follow(JobState state, FineTuneListener listener) {
    JobFollower[] self = new JobFollower[1];
    self[0] = new JobFollower(api, store, config, state, new OnceListener(listener, state.jobId()),
        () -> following.remove(state.jobId(), self[0]));
    following.put(state.jobId(), self[0]);
    threads.execute(self[0]);
  }

  private static void checkRequest(FineTuneRequest request) {
    Objects.requireNonNull(request, "request");
    if (!NAME.matcher(request.name()).matches()) {
      throw new InvalidInputException("name", "must be 1 to 100 letters, digits, '.', '_' or '-'");
    }
    if (request.training().maxSteps() > 0) {
      throw new InvalidInputException("training.maxSteps", "the remote trainer's API has no step limit (it trains"
          + " whole epochs); leave maxSteps out and set training.epochs");
    }
  }

  /** A name is taken by a model this trainer made or by a job of it not ended (or being started). */
  private synchronized void checkNameFree(String name) {
    if (starting.contains(name)) {
      throw new AlreadyExistsException("model", name);
    }
    for (JobState state : store.all()) {
      if (state.name().equals(name)
          && (state.status() == FineTuneStatus.SUCCEEDED || !state.status().finished())) {
        throw new AlreadyExistsException("model", name);
      }
    }
  }

  private static FineTuneStatus status(JsonNode job) {
    try {
      return FineTuneStatus.valueOf(job.path("status").asText("queued").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return FineTuneStatus.QUEUED;
    }
  }

  private void deleteQuietly(String fileId) {
    try {
      api.deleteFile(fileId);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete remote file " + fileId + ": " + e.getMessage());
    }
  }

  private void cancelQuietly(String remoteJobId) {
    try {
      api.cancel(remoteJobId);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not cancel remote job " + remoteJobId + ": " + e.getMessage());
    }
  }
}
