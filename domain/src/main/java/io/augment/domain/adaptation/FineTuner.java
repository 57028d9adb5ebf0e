package io.augment.domain.adaptation;

import java.util.Set;

/**
 * A trainer: runs fine-tuning jobs locally or on a remote fine-tuning service. It owns the runs,
 * not the job records (the application keeps those durable); it reports each job through the
 * listener given when the job was started or resumed.
 *
 * <p>Contract (FineTunerContract): {@link #validate} refuses, naming the field, a request this
 * trainer cannot run (unknown base model, a name taken or in training, a setting outside the
 * model's limits) and starts nothing. {@link #start} returns once the job is accepted and what a
 * resume needs is stored durably; it may refuse a full queue with
 * {@link io.augment.domain.model.CapacityExceededException}. Each run ends with exactly one of
 * succeeded, failed or cancelled. {@link #resume} continues, in a new process, a job an earlier
 * one started (from its last checkpoint, or learns that it already ended and reports that), or
 * returns false when it holds nothing of the job. {@link #cancel} of an unknown or ended job has
 * no effect.
 */
public interface FineTuner {
  /** This trainer's defaults for settings a request leaves out. */
  FineTuneDefaults defaults();

  /**
   * The longest training sequence {@code baseModel} takes (its context), which caps the default
   * sequence length of a request that leaves it out; {@link Integer#MAX_VALUE} when unknown here.
   */
  default int maxSequenceLength(String baseModel) {
    return Integer.MAX_VALUE;
  }

  /** Checks {@code request} against this trainer and its models; starts nothing. */
  void validate(FineTuneRequest request);

  /** Accepts job {@code jobId} and runs it in the background, reporting to {@code listener}. */
  void start(String jobId, FineTuneRequest request, FineTuneListener listener);

  /** Continues job {@code jobId} after a restart; false when nothing of it is left to continue. */
  boolean resume(String jobId, FineTuneListener listener);

  /** Stops job {@code jobId}; its listener hears cancelled, or the end that came first. */
  void cancel(String jobId);

  /** Discards what is kept for jobs not in {@code live} (called once recovery has resumed those). */
  void retainOnly(Set<String> live);
}
