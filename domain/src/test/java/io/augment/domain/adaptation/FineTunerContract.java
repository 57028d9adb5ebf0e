package io.augment.domain.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FineTuner} must do, run against a tiny model so a case takes seconds. A
 * subclass supplies the trainer and a request it can run; the trainer may be shared between cases,
 * so each uses names and job ids of its own.
 */
public abstract class FineTunerContract {
  /** The trainer under test. */
  protected abstract FineTuner trainer();

  /** A request this trainer can run in a few seconds, producing {@code name}. */
  protected abstract FineTuneRequest runnable(String name);

  /** A request that trains long enough (tens of seconds at least) to be cancelled mid-run. */
  protected abstract FineTuneRequest longRunning(String name);

  /** How long a runnable request may take here. */
  protected Duration patience() {
    return Duration.ofMinutes(2);
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static FineTuneRequest withBase(FineTuneRequest r, String base) {
    return new FineTuneRequest(r.name(), base, r.method(), r.lora(), r.training(), r.examples(), r.validation());
  }

  @Test
  void runsARequestToSuccessReportingRunningStepsAndOneEnd() throws Exception {
    RecordingListener listener = new RecordingListener();
    String name = unique("contract-ok");
    trainer().start(unique("job"), runnable(name), listener);

    assertThat(listener.awaitEnd(patience()).kind()).as("heard %s", listener.heard).isEqualTo("succeeded");
    assertThat(listener.ends()).hasSize(1);
    assertThat(listener.of("running")).as("running is reported before the end").isNotEmpty();
    assertThat(listener.heard.indexOf(listener.of("running").get(0))).isLessThan(listener.heard.indexOf(listener.ends().get(0)));
    assertThat(listener.metrics).as("a success reports what the run measured").isNotNull();
  }

  @Test
  void refusesAnUnknownBaseModelNamingTheFieldAndStartsNothing() {
    FineTuneRequest request = withBase(runnable(unique("contract-unknown")), "no-such-model-" + UUID.randomUUID());

    assertThatThrownBy(() -> trainer().validate(request))
        .isInstanceOfAny(NotFoundException.class, InvalidInputException.class)
        .satisfies(e -> {
          if (e instanceof InvalidInputException invalid) {
            assertThat(invalid.field()).isEqualTo("baseModel");
          }
        });
  }

  @Test
  void refusesANameThatIsBeingTrained() throws Exception {
    String name = unique("contract-taken");
    RecordingListener first = new RecordingListener();
    String job = unique("job");
    trainer().start(job, longRunning(name), first);
    try {
      assertThatThrownBy(() -> trainer().validate(runnable(name)))
          .isInstanceOfAny(AlreadyExistsException.class, ConflictException.class);
    } finally {
      trainer().cancel(job);
      first.awaitEnd(patience());
    }
  }

  @Test
  void cancelsARunningJobWhichEndsCancelledOnce() throws Exception {
    RecordingListener listener = new RecordingListener();
    String job = unique("job");
    trainer().start(job, longRunning(unique("contract-cancel")), listener);
    listener.awaitStep(patience());

    trainer().cancel(job);

    assertThat(listener.awaitEnd(patience()).kind()).as("heard %s", listener.heard).isEqualTo("cancelled");
    trainer().cancel(job);
    Thread.sleep(200);
    assertThat(listener.ends()).as("a second cancel reports nothing more").hasSize(1);
  }

  @Test
  void cancelOfAnUnknownJobHasNoEffect() {
    trainer().cancel(unique("never-started"));
  }

  @Test
  void resumeOfAJobItNeverStartedIsFalse() {
    RecordingListener listener = new RecordingListener();

    assertThat(trainer().resume(unique("never-started"), listener)).isFalse();
    assertThat(listener.heard).isEmpty();
  }

  @Test
  void retainOnlyKeepsLiveJobsRunning() throws Exception {
    RecordingListener listener = new RecordingListener();
    String job = unique("job");
    trainer().start(job, runnable(unique("contract-retain")), listener);

    trainer().retainOnly(Set.of(job));

    assertThat(listener.awaitEnd(patience()).kind()).as("heard %s", listener.heard).isEqualTo("succeeded");
  }

  @Test
  void hasDefaultsForLeftOutSettings() {
    FineTuneDefaults defaults = trainer().defaults();

    assertThat(defaults.lora()).isNotNull();
    assertThat(defaults.loraLearningRate()).isPositive();
    assertThat(defaults.fullLearningRate()).isPositive();
  }

  /** Examples that use all three forms, for subclasses' requests. */
  protected static List<TrainingExample> mixedExamples(int copies) {
    List<TrainingExample> all = new java.util.ArrayList<>();
    for (int i = 0; i < copies; i++) {
      all.add(new TrainingExample.Text("The lighthouse keeper of Varn rings the bell at dusk, copy " + i + "."));
      all.add(new TrainingExample.PromptCompletion("Who rings the bell at dusk? ", "The keeper of Varn."));
      all.add(new TrainingExample.Chat(List.of(new TrainingExample.Message("user", "Where is the bell?"),
          new TrainingExample.Message("assistant", "In the lighthouse of Varn."))));
    }
    return all;
  }
}
