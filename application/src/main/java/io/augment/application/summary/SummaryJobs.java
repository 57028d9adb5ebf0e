package io.augment.application.summary;

import io.augment.application.job.BackgroundJobs;
import io.augment.application.job.Job;
import java.time.Clock;
import java.util.concurrent.Executor;

/** Runs whole-knowledge-base summaries in the background with progress in chunks read. */
public final class SummaryJobs {
  private final SummarizeKnowledgeBase summarize;
  private final BackgroundJobs<Summary> jobs;

  public SummaryJobs(SummarizeKnowledgeBase summarize, Executor executor, Clock clock, int retained) {
    this.summarize = summarize;
    this.jobs = new BackgroundJobs<>("summary", "chunks", executor, clock, retained);
  }

  /** Validates the knowledge base, then queues the summary. */
  public Job<Summary> submit(SummaryRequest request) {
    summarize.cached(request); // throws NotFoundException for an unknown knowledge base
    return jobs.submit(request.knowledgeBase(), (progress, cancelled) -> summarize.summarize(request, progress, cancelled));
  }

  public Job<Summary> get(String id) {
    return jobs.get(id);
  }

  /** The retained jobs, oldest first. */
  public java.util.List<Job<Summary>> list() {
    return jobs.list();
  }

  public Job<Summary> cancel(String id) {
    return jobs.cancel(id);
  }
}
