package io.augment.application.job;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.time.Instant;

/**
 * A snapshot of a background job.
 *
 * @param id          job id
 * @param kind        what it does, e.g. {@code ingest} or {@code summary}
 * @param subject     what it works on, e.g. the knowledge base
 * @param status      life-cycle state
 * @param progress    units done, rate and ETA
 * @param result      the outcome when SUCCEEDED (or partial outcome when CANCELLED), else null
 * @param error       why it failed, or null
 * @param submittedAt when it was accepted
 * @param finishedAt  when it ended, or null
 */
public record Job<R>(
    String id, String kind, String subject, JobStatus status, Progress progress, R result, String error,
    Instant submittedAt, Instant finishedAt) {}
