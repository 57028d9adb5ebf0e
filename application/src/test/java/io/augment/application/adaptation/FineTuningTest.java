package io.augment.application.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.adapter.out.memory.InMemoryFineTuneJobRepository;
import io.augment.adapter.out.memory.InMemoryTrainingFileRepository;
import io.augment.application.InMemoryPlatform;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingMetrics;
import io.augment.domain.job.Progress;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.NotImplementedException;
import io.augment.domain.testing.Chunks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FineTuningTest {
  private static final TrainingMetrics METRICS = new TrainingMetrics(1000, 10, 500, List.of(2.0, 1.0), 0, 0, 4096, 12_800);

  private final ScriptedTrainer trainer = new ScriptedTrainer();
  private final InMemoryFineTuneJobRepository jobs = new InMemoryFineTuneJobRepository();
  private final InMemoryTrainingFileRepository fileStore = new InMemoryTrainingFileRepository();
  /** One example per non-blank line: the line's text; a line "bad" is refused. */
  private final TrainingFiles files = new TrainingFiles(fileStore, (field, bytes) -> {
    List<TrainingExample> out = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals("bad")) {
        throw new InvalidInputException(field, "line " + (i + 1) + ": not JSON");
      }
      out.add(new TrainingExample.Text(lines[i]));
    }
    return out;
  }, Clock.systemUTC(), 1000);
  private InMemoryPlatform platform;
  private FineTuning fineTuning;

  @BeforeEach
  void setUp() {
    platform = new InMemoryPlatform();
    platform.createKnowledgeBase("kb", 16, 4);
    fineTuning = fineTuning(new FineTuning.Settings(100, Duration.ZERO, 3));
  }

  private FineTuning fineTuning(FineTuning.Settings settings) {
    return new FineTuning(trainer, jobs, files,
        new KnowledgeBaseCorpus(platform.knowledgeBaseRepository, platform.documentRepository), Clock.systemUTC(), settings);
  }

  private static FineTuneCommand texts(String name, AdaptationMethod method, List<String> texts) {
    return new FineTuneCommand(name, null, method, null, null, null, texts, null, null, null);
  }

  @Test
  void recordsTheJobDurablyBeforeAcknowledgingIt() {
    FineTuningJob job = fineTuning.start(texts("m", AdaptationMethod.FULL, List.of("a b c")));

    assertThat(job.status()).isEqualTo(FineTuneStatus.QUEUED);
    assertThat(job.id()).startsWith("ftjob-");
    assertThat(jobs.find(job.id())).hasValueSatisfying(stored -> {
      assertThat(stored.status()).isEqualTo(FineTuneStatus.QUEUED);
      assertThat(stored.spec().name()).isEqualTo("m");
      assertThat(stored.spec().source()).isEqualTo("texts");
    });
    assertThat(jobs.events(job.id(), 0, 10)).extracting(FineTuneEvent::message)
        .singleElement().asString().startsWith("created fine-tuning job " + job.id());
  }

  @Test
  void fillsLeftOutSettingsFromTheTrainersDefaults() {
    fineTuning.start(texts("lora", AdaptationMethod.LORA, List.of("a b c")));
    fineTuning.start(texts("full", AdaptationMethod.FULL, List.of("a b c")));

    FineTuneRequest lora = trainer.started.get(0);
    assertThat(lora.baseModel()).isEqualTo("base-model");
    assertThat(lora.lora()).isEqualTo(ScriptedTrainer.LORA);
    assertThat(lora.training().learningRate()).isEqualTo(3e-3);
    assertThat(trainer.started.get(1).training().learningRate()).isEqualTo(7e-4);
    assertThat(trainer.started.get(1).lora()).isNull();
  }

  @Test
  void storesEveryStateChangeAndEventTheTrainerReports() {
    FineTuningJob job = fineTuning.start(texts("m", AdaptationMethod.FULL, List.of("a b c")));
    FineTuneListener l = trainer.listener(job.id());

    l.running(1000, 10, 4);
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(FineTuneStatus.RUNNING);
    l.step(1, 4, 2.5, null, 100);
    l.step(2, 4, 2.0, 2.2, 100);
    FineTuneCheckpoint c = new FineTuneCheckpoint("step-2", 2, 2.25, 2.2, Instant.now());
    l.checkpoint(c, List.of(c));
    l.warning("the worker restarted");
    l.step(4, 4, 1.5, null, 100);
    l.succeeded(METRICS);

    FineTuningJob done = jobs.find(job.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(FineTuneStatus.SUCCEEDED);
    assertThat(done.metrics()).isEqualTo(METRICS);
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.progress().done()).isEqualTo(4);
    assertThat(jobs.checkpoints(job.id())).containsExactly(c);
    List<FineTuneEvent> events = jobs.events(job.id(), 0, 100);
    assertThat(events).extracting(FineTuneEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(events).filteredOn(e -> e.metrics() != null).extracting(e -> e.metrics().step()).containsExactly(1, 2, 4);
    assertThat(events).filteredOn(e -> e.level() == FineTuneEvent.Level.WARN).extracting(FineTuneEvent::message)
        .containsExactly("the worker restarted");
    assertThat(fineTuning.active()).isZero();
  }

  @Test
  void storesAMetricsEventAtMostOncePerIntervalButAlwaysTheFirstLastAndValidationSteps() {
    FineTuning slow = fineTuning(new FineTuning.Settings(100, Duration.ofHours(1), 3));
    FineTuningJob job = slow.start(texts("m", AdaptationMethod.FULL, List.of("a b c")));
    FineTuneListener l = trainer.listener(job.id());
    l.running(1000, 10, 100);
    for (int step = 1; step <= 100; step++) {
      l.step(step, 100, 1.0, step == 50 ? 0.9 : null, 10);
    }

    assertThat(jobs.events(job.id(), 0, 100)).filteredOn(e -> e.metrics() != null).extracting(e -> e.metrics().step())
        .containsExactly(1, 50, 100);
    assertThat(slow.get(job.id()).progress().done()).as("the live state is fresh").isEqualTo(100);
  }

  @Test
  void aRequestTheTrainerRefusesLeavesNothingBehind() {
    trainer.refuse = new InvalidInputException("training.sequenceLength", "longer than the model's context");

    assertThatThrownBy(() -> fineTuning.start(texts("m", AdaptationMethod.FULL, List.of("a"))))
        .isInstanceOf(InvalidInputException.class);
    assertThat(jobs.list()).isEmpty();
    assertThat(fineTuning.active()).isZero();
  }

  @Test
  void trainsOnOneTextPerDocumentOfAKnowledgeBase() {
    String first = "Tides rise and fall twice a day. The Moon pulls the oceans toward it. The Sun pulls too, "
        + "but less, and spring tides come when both pull together.";
    platform.ingest.ingest("kb", IngestCommand.text("tides", "Tides", first, Map.of()));
    platform.ingest.ingest("kb", IngestCommand.text("bread", "Bread", "Yeast makes bread rise.", Map.of()));

    FineTuningJob job = fineTuning.start(new FineTuneCommand("kb-lora", "base", AdaptationMethod.LORA, null, null, "kb",
        null, null, null, null));

    assertThat(job.spec().source()).isEqualTo("knowledge-base:kb");
    List<String> texts = trainer.started.get(0).texts();
    assertThat(texts).hasSize(2).contains("Yeast makes bread rise.");
    String tides = texts.stream().filter(t -> t.startsWith("Tides")).findFirst().orElseThrow();
    for (String sentence : first.split("(?<=\\.) ")) {
      assertThat(tides).containsOnlyOnce(sentence);
    }
  }

  @Test
  void joinsChunksRemovingTheChunkersOverlapButNotChanceMatches() {
    var a = Chunks.chunk("d", 0).text("the quick brown fox jumps over the lazy dog").build();
    var b = Chunks.chunk("d", 1).text("over the lazy dog and runs far away").build();
    var c = Chunks.chunk("d", 2).text("y the end").build();
    assertThat(KnowledgeBaseCorpus.join(List.of(a, b, c)))
        .isEqualTo("the quick brown fox jumps over the lazy dog and runs far away y the end");
  }

  @Test
  void refusesAnUnknownOrEmptyKnowledgeBaseAndSeveralSources() {
    assertThatThrownBy(() -> fineTuning.start(new FineTuneCommand("m", null, AdaptationMethod.FULL, null, null, "nope",
        null, null, null, null))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> fineTuning.start(new FineTuneCommand("m", null, AdaptationMethod.FULL, null, null, "kb",
        null, null, null, null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("no documents");
    assertThatThrownBy(() -> new FineTuneCommand("m", null, AdaptationMethod.FULL, null, null, "kb", List.of("t"), null,
        null, null)).isInstanceOf(InvalidInputException.class);
    assertThatCode(() -> new FineTuneCommand("m", null, AdaptationMethod.FULL, null, null, null, null, "file-1", null,
        FineTuneCommand.Fields.OPENAI)).as("a training file alone is a source").doesNotThrowAnyException();
    assertThatThrownBy(() -> new FineTuneCommand("m", null, AdaptationMethod.FULL, null, null, null, List.of(), null, null,
        FineTuneCommand.Fields.OPENAI)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("training_file"));
    assertThat(trainer.started).isEmpty();
    assertThat(jobs.list()).isEmpty();
  }

  @Test
  void trainsOnAnUploadedFileWithItsValidationFile() {
    var train = files.upload("train.jsonl", "fine-tune", "one\ntwo\nthree".getBytes(StandardCharsets.UTF_8));
    var valid = files.upload("valid.jsonl", "fine-tune", "four".getBytes(StandardCharsets.UTF_8));
    assertThat(train.examples()).isEqualTo(3);

    FineTuningJob job = fineTuning.start(new FineTuneCommand("ft-x", "base", AdaptationMethod.FULL, null, null, null, null,
        train.id(), valid.id(), FineTuneCommand.Fields.OPENAI));

    assertThat(trainer.started.get(0).texts()).containsExactly("one", "two", "three");
    assertThat(trainer.started.get(0).validationTexts()).containsExactly("four");
    assertThat(job.spec().examples()).isEqualTo(3);
    assertThat(job.spec().validationExamples()).isEqualTo(1);
    assertThat(job.spec().validationSource()).isEqualTo("file:" + valid.id());
  }

  @Test
  void refusesABadTrainingFileAtUploadNamingTheLineAndStoresNothing() {
    assertThatThrownBy(() -> files.upload("t.jsonl", "fine-tune", "ok\nbad".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2");
    assertThatThrownBy(() -> files.upload("t.jsonl", "assistants", "ok".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field())
            .isEqualTo("purpose"));
    assertThatThrownBy(() -> files.upload("t.jsonl", "fine-tune", new byte[1001]))
        .isInstanceOf(io.augment.domain.model.PayloadTooLargeException.class);
    assertThatThrownBy(() -> fineTuning.start(new FineTuneCommand("m", "base", AdaptationMethod.FULL, null, null, null,
        null, "file-unknown", null, FineTuneCommand.Fields.OPENAI)))
        .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field())
            .isEqualTo("training_file"));
    assertThat(files.list()).isEmpty();
  }

  @Test
  void cancelsARunningJobThroughTheTrainer() {
    FineTuningJob job = fineTuning.start(texts("m", AdaptationMethod.FULL, List.of("a")));
    trainer.listener(job.id()).running(10, 10, 100);

    FineTuningJob cancelled = fineTuning.cancel(job.id());

    assertThat(trainer.cancelled).containsExactly(job.id());
    assertThat(cancelled.status()).isEqualTo(FineTuneStatus.CANCELLED);
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(FineTuneStatus.CANCELLED);
    assertThat(fineTuning.cancel(job.id()).status()).as("cancelling again changes nothing").isEqualTo(FineTuneStatus.CANCELLED);
    assertThat(trainer.cancelled).hasSize(1);
  }

  @Test
  void recoveryResumesWhatTheTrainerKeptAndFailsTheRestWithTheReason() {
    FineTuningJob kept = stored("ftjob-kept", FineTuneStatus.RUNNING, 0);
    FineTuningJob lost = stored("ftjob-lost", FineTuneStatus.QUEUED, 0);
    stored("ftjob-done", FineTuneStatus.SUCCEEDED, 0);
    trainer.resumable.add(kept.id());

    assertThat(fineTuning(FineTuning.Settings.DEFAULT).recover()).isEqualTo(1);

    FineTuningJob resumed = jobs.find(kept.id()).orElseThrow();
    assertThat(resumed.status()).as("queued until the trainer says it runs").isEqualTo(FineTuneStatus.QUEUED);
    assertThat(resumed.resumes()).isEqualTo(1);
    assertThat(jobs.events(kept.id(), 0, 10)).extracting(FineTuneEvent::message)
        .anySatisfy(m -> assertThat(m).contains("server restarted"));
    FineTuningJob failed = jobs.find(lost.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(FineTuneStatus.FAILED);
    assertThat(failed.error()).contains("kept nothing to resume");
    assertThat(trainer.retained).containsExactly(kept.id());
    assertThat(jobs.find("ftjob-done").orElseThrow().status()).isEqualTo(FineTuneStatus.SUCCEEDED);
  }

  @Test
  void recoveryGivesUpOnAJobTheServerStoppedUnderTooOften() {
    FineTuningJob job = stored("ftjob-again", FineTuneStatus.RUNNING, 3);
    trainer.resumable.add(job.id());

    fineTuning(new FineTuning.Settings(100, Duration.ZERO, 3)).recover();

    FineTuningJob failed = jobs.find(job.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(FineTuneStatus.FAILED);
    assertThat(failed.error()).contains("3 times");
  }

  @Test
  void prunesFinishedJobsBeyondTheRetentionOldestFirst() {
    FineTuning small = fineTuning(new FineTuning.Settings(2, Duration.ZERO, 3));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      FineTuningJob job = small.start(texts("m" + i, AdaptationMethod.FULL, List.of("a")));
      ids.add(job.id());
      trainer.listener(job.id()).succeeded(METRICS);
      sleepAMillisecond();
    }
    FineTuningJob live = small.start(texts("live", AdaptationMethod.FULL, List.of("a")));

    assertThat(jobs.list()).extracting(FineTuningJob::id).containsExactly(live.id(), ids.get(3), ids.get(2));
  }

  @Test
  void aServerWithoutATrainerAnswersNotImplemented() {
    NoTrainer none = new NoTrainer("fine-tuning is switched off");
    FineTuning off = new FineTuning(none, jobs, files,
        new KnowledgeBaseCorpus(platform.knowledgeBaseRepository, platform.documentRepository), Clock.systemUTC(),
        FineTuning.Settings.DEFAULT);

    assertThatThrownBy(() -> off.start(texts("m", AdaptationMethod.FULL, List.of("a"))))
        .isInstanceOf(NotImplementedException.class).hasMessage("fine-tuning is switched off");
    assertThat(new ManageModels(none).list()).isEmpty();
  }

  @Test
  void pagesJobsNewestFirstAndRefusesABadLimit() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(0, fineTuning.start(texts("p" + i, AdaptationMethod.FULL, List.of("a"))).id());
      sleepAMillisecond();
    }
    FineTuning.Page<FineTuningJob> first = fineTuning.list(null, 2);
    assertThat(first.items()).extracting(FineTuningJob::id).containsExactly(ids.get(0), ids.get(1));
    assertThat(first.hasMore()).isTrue();
    FineTuning.Page<FineTuningJob> second = fineTuning.list(ids.get(1), 2);
    assertThat(second.items()).extracting(FineTuningJob::id).containsExactly(ids.get(2));
    assertThat(second.hasMore()).isFalse();
    assertThatThrownBy(() -> fineTuning.list(null, 0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> fineTuning.list("ftjob-none", 2)).isInstanceOf(InvalidInputException.class);
  }

  private FineTuningJob stored(String id, FineTuneStatus status, int resumes) {
    var spec = new io.augment.domain.adaptation.FineTuneSpec("name-" + id, "base", AdaptationMethod.FULL, null,
        new io.augment.domain.adaptation.TrainingSettings(1, 0, 8, 128, 1e-3, 1), "texts", null, 1, 0);
    FineTuningJob job = new FineTuningJob(id, spec, status, new Progress(3, 10, "steps", 5, null), null, null,
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), status.finished() ? Instant.now() : null, resumes);
    jobs.save(job);
    return job;
  }

  private static void sleepAMillisecond() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
