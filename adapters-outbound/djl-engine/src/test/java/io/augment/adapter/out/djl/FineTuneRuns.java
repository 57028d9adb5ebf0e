package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.RecordingListener;
import io.augment.domain.adaptation.TrainingSettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Starting and awaiting fine-tuning runs in tests. */
final class FineTuneRuns {
  static final Duration PATIENCE = Duration.ofMinutes(3);

  private FineTuneRuns() {}

  static String jobId() {
    return "job-" + UUID.randomUUID();
  }

  static FineTuneRequest request(String name, String base, AdaptationMethod method, LoraSettings lora,
      TrainingSettings training, List<String> texts) {
    return FineTuneRequest.ofTexts(name, base, method, lora, training, texts);
  }

  static FineTuneRequest pretrain(String name, TrainingSettings training, List<String> texts) {
    return request(name, ModelStore.SCRATCH, AdaptationMethod.FULL, null, training, texts);
  }

  /** Starts {@code request} under a fresh job id. */
  static RecordingListener start(FineTuner tuner, FineTuneRequest request) {
    RecordingListener listener = new RecordingListener();
    tuner.start(jobId(), request, listener);
    return listener;
  }

  /** Runs {@code request} to its end and returns what was heard. */
  static RecordingListener run(FineTuner tuner, FineTuneRequest request) throws InterruptedException {
    RecordingListener listener = start(tuner, request);
    listener.awaitEnd(PATIENCE);
    return listener;
  }

  /** Waits until {@code path} is gone (a job's folder goes just after its end is reported). */
  static boolean awaitGone(java.nio.file.Path path) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (java.nio.file.Files.exists(path) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return !java.nio.file.Files.exists(path);
  }

  /** The steps heard, in order. */
  static List<Integer> steps(RecordingListener listener) {
    return listener.of("step").stream().map(h -> Integer.parseInt(h.detail().substring(0, h.detail().indexOf('/'))))
        .toList();
  }
}
