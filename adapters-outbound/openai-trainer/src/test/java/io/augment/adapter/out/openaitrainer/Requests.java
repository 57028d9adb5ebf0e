package io.augment.adapter.out.openaitrainer;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Requests and configurations the tests share. */
final class Requests {
  static final LoraSettings LORA = new LoraSettings(4, 8, 0.1, Set.of("c_attn", "c_proj"));

  private Requests() {}

  /** Fast polls, quick retries and a short patience, against {@code stub}. */
  static OpenAiTrainerConfig config(FineTuningServerStub stub, Path stateDir) {
    return new OpenAiTrainerConfig(stub.baseUrl(), FineTuningServerStub.KEY, stateDir)
        .withPollInterval(Duration.ofMillis(50))
        .withRetries(Duration.ofSeconds(5), 2, Duration.ofMillis(10), Duration.ofMillis(50))
        .withFollowPatience(Duration.ofSeconds(10));
  }

  /** {@code epochs} passes over {@code examples} in batches of 2 (3 steps an epoch for 6 examples). */
  static FineTuneRequest lora(String name, List<TrainingExample> examples, int epochs) {
    return new FineTuneRequest(name, FineTuningServerStub.BASE_MODEL, AdaptationMethod.LORA, LORA,
        new TrainingSettings(epochs, 0, 2, 64, 1e-3, 7), examples, List.of());
  }

  static FineTuneRequest full(String name, List<TrainingExample> examples, List<TrainingExample> validation) {
    return new FineTuneRequest(name, FineTuningServerStub.BASE_MODEL, AdaptationMethod.FULL, null,
        new TrainingSettings(2, 0, 2, 64, 1e-3, 3), examples, validation);
  }

  static List<TrainingExample> texts(int n) {
    return java.util.stream.IntStream.range(0, n)
        .<TrainingExample>mapToObj(i -> new TrainingExample.Text("The bell of Varn rings " + i + " times.")).toList();
  }
}
