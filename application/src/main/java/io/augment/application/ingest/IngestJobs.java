package io.augment.application.ingest;

import io.augment.application.job.BackgroundJobs;
import io.augment.application.job.Job;
import io.augment.domain.model.InvalidInputException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/** Runs ingests in the background; progress is counted in chunks embedded and stored. */
public final class IngestJobs {
  private final IngestDocuments ingest;
  private final BackgroundJobs<List<IngestResult>> jobs;
  private final Map<String, Integer> documentCounts = new ConcurrentHashMap<>();

  public IngestJobs(IngestDocuments ingest, Executor executor, Clock clock, int retained) {
    this.ingest = ingest;
    this.jobs = new BackgroundJobs<>("ingest", "chunks", executor, clock, retained);
  }

  /**
   * Accepts the documents and returns the QUEUED job at once; an id given twice is refused before
   * anything is queued. @throws io.augment.domain.model.NotFoundException for an unknown KB
   */
  public IngestJob submit(String knowledgeBase, List<IngestCommand> commands) {
    ingest.require(knowledgeBase);
    List<IngestCommand> copy = List.copyOf(commands);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < copy.size(); i++) {
      String id = copy.get(i).documentId();
      if (id != null && !ids.add(id)) {
        throw new InvalidInputException("documents[" + i + "].id", "document '" + id + "' appears twice in one job");
      }
    }
    Job<List<IngestResult>> job = jobs.submit(knowledgeBase,
        (progress, cancelled) -> ingest.ingestAll(knowledgeBase, copy, progress, cancelled));
    documentCounts.put(job.id(), copy.size());
    return view(job);
  }

  public IngestJob get(String id) {
    return view(jobs.get(id));
  }

  public List<IngestJob> list() {
    return jobs.list().stream().map(this::view).toList();
  }

  /** Asks a running job to stop after its current batch. */
  public IngestJob cancel(String id) {
    return view(jobs.cancel(id));
  }

  private IngestJob view(Job<List<IngestResult>> j) {
    return new IngestJob(j.id(), j.subject(), j.status(), documentCounts.getOrDefault(j.id(), 0), j.progress(),
        j.result() == null ? List.of() : j.result(), j.error(), j.submittedAt(), j.finishedAt());
  }
}
