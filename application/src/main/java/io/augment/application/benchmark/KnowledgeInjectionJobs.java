package io.augment.application.benchmark;

import io.augment.application.job.BackgroundJobs;
import io.augment.application.job.Job;
import java.util.List;

/** Knowledge-injection benchmarks as background jobs with progress (percent, rate, ETA) and cancel. */
public final class KnowledgeInjectionJobs {
  private final KnowledgeInjection protocol;
  private final BackgroundJobs<KnowledgeInjectionResult> jobs;

  public KnowledgeInjectionJobs(KnowledgeInjection protocol, BackgroundJobs<KnowledgeInjectionResult> jobs) {
    this.protocol = protocol;
    this.jobs = jobs;
  }

  /** Queues a run and returns the QUEUED job at once. */
  public Job<KnowledgeInjectionResult> start(KnowledgeInjectionSpec spec) {
    return jobs.submit("world seed " + spec.world().seed(), (progress, cancelled) -> protocol.run(spec, progress, cancelled));
  }

  /** @throws io.augment.domain.model.NotFoundException when there is no such job */
  public Job<KnowledgeInjectionResult> get(String id) {
    return jobs.get(id);
  }

  public List<Job<KnowledgeInjectionResult>> list() {
    return jobs.list();
  }

  /** Asks the run to stop at its next check (a training job in progress is cancelled). */
  public Job<KnowledgeInjectionResult> cancel(String id) {
    return jobs.cancel(id);
  }
}
