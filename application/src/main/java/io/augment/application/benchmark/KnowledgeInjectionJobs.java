package io.augment.application.benchmark;

import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.job.BackgroundJobs;
import io.augment.application.job.Job;
import io.augment.domain.model.ConflictException;
import java.util.List;

/** Knowledge-injection benchmarks as background jobs with progress (percent, rate, ETA), cancel and reports. */
public final class KnowledgeInjectionJobs {
  /** Report formats. */
  public enum Format { MARKDOWN, HTML }

  private final KnowledgeInjection protocol;
  private final BackgroundJobs<KnowledgeInjectionResult> jobs;
  private final EvaluationRuns runs;
  private final EvaluationReports reports;
  private final ModelShape engineShape;

  /**
   * @param engineShape the size the engine trains scratch models at; a preset's base-model shape is
   *                    replaced by it (the report says which), or kept when null
   */
  public KnowledgeInjectionJobs(KnowledgeInjection protocol, BackgroundJobs<KnowledgeInjectionResult> jobs,
      EvaluationRuns runs, EvaluationReports reports, ModelShape engineShape) {
    this.engineShape = engineShape;
    this.protocol = protocol;
    this.jobs = jobs;
    this.runs = runs;
    this.reports = reports;
  }

  /** Queues a run and returns the QUEUED job at once. */
  public Job<KnowledgeInjectionResult> start(KnowledgeInjectionSpec requested) {
    KnowledgeInjectionSpec spec = engineShape == null ? requested : requested.withShape(engineShape);
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

  /**
   * The finished run's report with the benchmark's sections.
   *
   * @throws ConflictException when the run has not succeeded (yet)
   */
  public String report(String id, Format format) {
    KnowledgeInjectionResult result = get(id).result();
    if (result == null) {
      throw new ConflictException("knowledge-injection benchmark " + id + " has no report: it is "
          + get(id).status().name().toLowerCase(java.util.Locale.ROOT));
    }
    var sections = KnowledgeInjectionReport.sections(result, "", "");
    var questions = runs.results(result.run().id());
    return format == Format.HTML ? reports.html(result.run(), questions, sections)
        : reports.markdown(result.run(), questions, sections);
  }
}
