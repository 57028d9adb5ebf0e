package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.BenchmarkJson.JobJson;
import io.augment.adapter.in.rest.BenchmarkJson.StartInput;
import io.augment.application.benchmark.KnowledgeInjectionJobs;
import io.augment.application.benchmark.KnowledgeInjectionResult;
import io.augment.application.benchmark.KnowledgePresets;
import io.augment.application.job.Job;
import io.augment.application.tenant.Workspace;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The built-in knowledge-injection benchmark (docs/benchmarks/knowledge-injection.md) as a background job. */
@Path("/api/v1/benchmarks/knowledge-injection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benchmarks")
public class BenchmarkResource {
  private static final String BASE = "/api/v1/benchmarks/knowledge-injection/";
  private final CurrentWorkspace current;

  public BenchmarkResource(CurrentWorkspace current) {
    this.current = current;
  }

  /** The caller's benchmark jobs, or 501 when the local engine is off. */
  private KnowledgeInjectionJobs jobs() {
    return jobs(current.get());
  }

  private static KnowledgeInjectionJobs jobs(Workspace workspace) {
    Optional<KnowledgeInjectionJobs> jobs = workspace.benchmarks();
    if (jobs.isEmpty()) {
      throw new WebApplicationException(Problem.response(501, "Not Implemented",
          "the knowledge-injection benchmark needs the local engine, which is switched off (augment.engine.enabled=false)",
          null));
    }
    return jobs.get();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start the knowledge-injection benchmark",
      description = "Returns 202 with the job; poll it for progress (percent, rate, ETA). size: default, small or "
          + "tiny. The base model is trained at this server's augment.engine.scratch.* size, or reused when the "
          + "same world and recipe trained one before.")
  @Access(Scope.WRITE)
  public Response start(StartInput body) {
    String size = body == null ? null : body.size();
    var preset = KnowledgePresets.named(size);
    Workspace workspace = current.get();
    KnowledgeInjectionJobs jobs = jobs(workspace);
    Job<KnowledgeInjectionResult> job = workspace.admitJob(() -> jobs.start(preset));
    return Response.accepted(JobJson.of(job)).location(URI.create(BASE + job.id())).build();
  }

  @GET
  @Operation(summary = "List knowledge-injection benchmark runs since start-up")
  @Access(Scope.READ)
  public List<JobJson> list() {
    return jobs().list().stream().map(JobJson::of).toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Status, progress and, once done, the base-model checks and results table")
  @Access(Scope.READ)
  public JobJson get(@PathParam("id") String id) {
    return JobJson.of(jobs().get(id));
  }

  @POST
  @Path("/{id}/cancel")
  @Operation(summary = "Cancel the run at its next check (a training job in progress is cancelled)",
      description = "Send the header X-Augment-Request: 1 or a JSON body (cross-site protection).")
  @Access(Scope.WRITE)
  public JobJson cancel(@PathParam("id") String id) {
    return JobJson.of(jobs().cancel(id));
  }

  @GET
  @Path("/{id}/report")
  @Produces({"text/markdown", MediaType.TEXT_HTML})
  @Operation(summary = "The finished run's report, Markdown or self-contained HTML (Accept); 409 until it has succeeded")
  @Access(Scope.READ)
  public Response report(@PathParam("id") String id, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
    boolean html = accept != null && accept.contains("html");
    String text = jobs().report(id, html ? KnowledgeInjectionJobs.Format.HTML : KnowledgeInjectionJobs.Format.MARKDOWN);
    return Response.ok(text, html ? MediaType.TEXT_HTML + ";charset=utf-8" : "text/markdown;charset=utf-8").build();
  }
}
