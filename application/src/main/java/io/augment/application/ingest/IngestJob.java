package io.augment.application.ingest;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a background ingest.
 *
 * @param id            job id
 * @param knowledgeBase target knowledge base
 * @param status        life-cycle state
 * @param documents     documents submitted
 * @param progress      chunks embedded and stored so far, rate and ETA
 * @param results       per-document outcomes, filled when the job ends
 * @param error         why the whole job failed, or null
 * @param submittedAt   when it was accepted
 * @param finishedAt    when it ended, or null
 */
public record IngestJob(
    String id, String knowledgeBase, JobStatus status, int documents, Progress progress,
    List<IngestResult> results, String error, Instant submittedAt, Instant finishedAt) {}
