package io.augment.adapter.out.openaitrainer;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneStatus;
import io.augment.domain.adaptation.TrainingCost;

/**
 * What this adapter keeps of one job in {@code <stateDir>/<jobId>.json}: enough to follow the remote
 * job after a restart and, once it succeeded, the record of the model it made.
 *
 * @param jobId            the application's job id
 * @param remoteJobId      the remote's {@code ftjob-...}
 * @param name             the model's name as the request gave it
 * @param baseModel        the model it was trained from
 * @param method           full or LoRA
 * @param trainingFile     the remote id of the uploaded training file
 * @param validationFile   the remote id of the validation file, or null
 * @param lastEventId      the newest remote event already reported, or null
 * @param lastCheckpointStep the step of the newest checkpoint already reported, 0 for none
 * @param status           where the job is, as last seen
 * @param fineTunedModel   the remote's {@code fine_tuned_model} once succeeded, else null
 * @param error            why it failed, else null
 * @param trainedTokens    the remote's {@code trained_tokens} once succeeded
 * @param seconds          remote {@code finished_at - created_at} once ended
 * @param tokensPerSecond  throughput last reported
 * @param createdAt        the remote's {@code created_at}, epoch seconds
 */
record JobState(
    String jobId, String remoteJobId, String name, String baseModel, AdaptationMethod method, String trainingFile,
    String validationFile, String lastEventId, int lastCheckpointStep, FineTuneStatus status, String fineTunedModel,
    String error, long trainedTokens, double seconds, double tokensPerSecond, long createdAt) {

  JobState seen(String eventId, int checkpointStep, FineTuneStatus now, double tps) {
    return new JobState(jobId, remoteJobId, name, baseModel, method, trainingFile, validationFile, eventId,
        checkpointStep, now, fineTunedModel, error, trainedTokens, seconds, tps, createdAt);
  }

  JobState ended(FineTuneStatus end, String model, String why, long tokens, double secs, double tps) {
    return new JobState(jobId, remoteJobId, name, baseModel, method, trainingFile, validationFile, lastEventId,
        lastCheckpointStep, end, model, why, tokens, secs, tps, createdAt);
  }

  /** What training cost, as a remote reports it (no parameter counts, no memory). */
  TrainingCost cost() {
    return new TrainingCost(0, 0, seconds, trainedTokens, tokensPerSecond, 0);
  }
}
