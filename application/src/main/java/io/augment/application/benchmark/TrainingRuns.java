package io.augment.application.benchmark;

import io.augment.application.adaptation.FineTuning;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.adaptation.TrainingCost;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** Runs a fine-tuning job to its end as a durable job, or reuses the artifact a name already has. */
final class TrainingRuns {
  private static final long POLL_MILLIS = 250;

  private final FineTuning fineTuner;
  private final AdapterCatalog catalog;

  TrainingRuns(FineTuning fineTuner, AdapterCatalog catalog) {
    this.fineTuner = fineTuner;
    this.catalog = catalog;
  }

  /**
   * The trained artifact named in {@code request}: the catalog's when {@code reuse} and it exists,
   * otherwise (after deleting any old one) a new training run, waited for with {@code fraction}
   * reporting its share done.
   */
  TrainedModel ensure(FineTuneRequest request, boolean reuse, DoubleConsumer fraction, BooleanSupplier cancelled) {
    Optional<Adapter> existing = catalog.find(request.name());
    if (existing.isPresent()) {
      if (reuse) {
        fraction.accept(1);
        TrainingCost cost = existing.get().training();
        return new TrainedModel(request.name(), request.method().name(), request.texts().size(), true,
            cost == null ? 0 : cost.seconds(), cost);
      }
      catalog.delete(request.name());
    }
    long start = System.nanoTime();
    FineTuningJob job = fineTuner.submit(request, "knowledge-injection benchmark", null);
    while (true) {
      if (cancelled.getAsBoolean()) {
        fineTuner.cancel(job.id());
        throw new CancellationException("cancelled while training " + request.name());
      }
      FineTuningJob now = fineTuner.get(job.id());
      if (now.progress() != null && now.progress().total() > 0) {
        fraction.accept(now.progress().percent() / 100.0);
      }
      if (now.status() == FineTuneStatus.SUCCEEDED) {
        fraction.accept(1);
        TrainingCost cost = catalog.find(request.name()).map(Adapter::training).orElse(null);
        return new TrainedModel(request.name(), request.method().name(), request.texts().size(), false,
            (System.nanoTime() - start) / 1e9, cost);
      }
      if (now.status().finished()) {
        throw new IllegalStateException("training " + request.name() + " ended " + now.status() + ": " + now.error());
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
  }
}
