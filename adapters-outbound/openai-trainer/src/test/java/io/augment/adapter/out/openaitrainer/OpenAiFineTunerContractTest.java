package io.augment.adapter.out.openaitrainer;

import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.FineTunerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/** The trainer contract against the in-memory fine-tuning API (20 ms a step). */
class OpenAiFineTunerContractTest extends FineTunerContract {
  private static FineTuningServerStub stub;
  private static OpenAiFineTuner trainer;

  @Override
  protected synchronized FineTuner trainer() {
    if (trainer == null) {
      stub = new FineTuningServerStub(20);
      try {
        trainer = new OpenAiFineTuner(Requests.config(stub, Files.createTempDirectory("openai-trainer-contract")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return trainer;
  }

  /** Three epochs of six examples in three forms, batch 2: nine steps. */
  @Override
  protected FineTuneRequest runnable(String name) {
    return Requests.lora(name, mixedExamples(2), 3);
  }

  /** A hundred epochs: 900 steps, 18 s. */
  @Override
  protected FineTuneRequest longRunning(String name) {
    return Requests.lora(name, mixedExamples(2), 100);
  }

  @Override
  protected Duration patience() {
    return Duration.ofSeconds(20);
  }

  @AfterAll
  static void stop() {
    if (trainer != null) {
      trainer.close();
      stub.close();
    }
  }
}
