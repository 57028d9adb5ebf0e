package io.augment.application.summary;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;

/** A summary being computed: progress in chunks read, then the summary when SUCCEEDED. */
public record SummaryJob(String id, SummaryRequest request, JobStatus status, Progress progress, Summary summary, String error) {}
