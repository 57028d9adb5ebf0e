package io.augment.domain.adaptation;

import java.util.List;
import java.util.Optional;

/**
 * Runs fine-tuning jobs, locally or through a remote fine-tuning API.
 *
 * <p>Contract: {@link #start} validates the request and returns at once with a QUEUED or RUNNING
 * job; progress is read with {@link #job}. A SUCCEEDED job's artifact is listed by
 * {@link AdapterCatalog#adapters()}. Cancelling a finished job has no effect.
 */
public interface FineTuner {
  AdaptationJob start(FineTuneRequest request);

  Optional<AdaptationJob> job(String id);

  List<AdaptationJob> jobs();

  void cancel(String id);
}
