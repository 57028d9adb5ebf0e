package io.augment.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.EvaluationReportJson;
import io.augment.adapter.in.EvaluationSpecs;
import io.augment.adapter.in.rest.EvaluationJson.RunInput;
import io.augment.adapter.in.rest.EvaluationJson.RunJson;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.tenant.Workspace;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evaluation runs: background jobs that score contenders on a set (docs/evaluation.md). */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation")
public class EvaluationRunResource {
  static final String NDJSON = "application/x-ndjson";
  static final String MARKDOWN = "text/markdown;charset=UTF-8";
  static final String HTML = "text/html;charset=UTF-8";

  private final CurrentWorkspace current;
  private final ObjectWriter lines;

  public EvaluationRunResource(CurrentWorkspace current, ObjectMapper json) {
    this.current = current;
    this.lines = json.writer();
  }

  private EvaluationRuns runs() {
    return current.get().evaluationRuns();
  }

  private EvaluationReports reports() {
    return current.get().evaluationReports();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start an evaluation run",
      description = "Returns 202 with the run; poll it for progress (answers done of questions x contenders, answers "
          + "per second, ETA). contenders: rag:<kb>, rag:<kb>@<generator>, rag:<kb>+adapter:<name>, adapter:<name>, "
          + "generator:<id> (1 to 16, distinct). topK (1-100, default 5) applies to RAG contenders, maxTokens "
          + "(1-1024, default 64) to every answer. controlSet (optional) measures forgetting on trained models.")
  @Access(Scope.WRITE)
  public Response start(RunInput body) {
    if (body == null) {
      throw new InvalidInputException("evaluationSet", "is required");
    }
    var spec = EvaluationSpecs.of(body.evaluationSet(), body.controlSet(), body.contenders(), body.topK(), body.maxTokens());
    Workspace workspace = current.get();
    EvaluationRun run = workspace.admitJob(() -> workspace.evaluationRuns().start(spec));
    return Response.accepted(RunJson.of(run)).location(URI.create("/api/v1/evaluations/" + run.id())).build();
  }

  @GET
  @Operation(summary = "List evaluation runs, newest first")
  @Access(Scope.READ)
  public List<RunJson> list() {
    return runs().list().stream().map(RunJson::of).toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a run's status, progress and per-contender results")
  @Access(Scope.READ)
  public RunJson get(@PathParam("id") String id) {
    return RunJson.of(runs().get(id));
  }

  @POST
  @Path("/{id}/cancel")
  @Operation(summary = "Cancel a run after the answer in progress; a finished run is returned unchanged",
      description = "Send the header X-Augment-Request: 1 or a JSON body (cross-site protection); results so far are kept.")
  @Access(Scope.WRITE)
  public RunJson cancel(@PathParam("id") String id) {
    return RunJson.of(runs().cancel(id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a run and its results (cancelling it first if unfinished)")
  @Access(Scope.WRITE)
  public Response delete(@PathParam("id") String id) {
    runs().delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/results")
  @Produces(NDJSON)
  @Operation(summary = "Per-question results as JSON lines",
      description = "One scored answer per line: set (evaluation or control), index, contender, question, answer, "
          + "exactMatch, f1, contains, retrieved, recallAtK, reciprocalRank, citedGold, latencyMs, tokensIn, tokensOut, error.")
  @Access(Scope.READ)
  public Response results(@PathParam("id") String id) {
    List<QuestionResult> results = runs().results(id);
    StreamingOutput body = out -> write(results, out);
    return Response.ok(body, NDJSON).build();
  }

  @GET
  @Path("/{id}/report.json")
  @Operation(summary = "The report as JSON: the run and, per contender, its scores, control scores and cost",
      description = "A null measure or cost is not recorded by what produced the contender (never shown as 0).")
  @Access(Scope.READ)
  public EvaluationReportJson.Report reportJson(@PathParam("id") String id) {
    return EvaluationReportJson.of(runs().get(id));
  }

  @GET
  @Path("/{id}/report.md")
  @Produces(MARKDOWN)
  @Operation(summary = "The report as Markdown: facts, every measure per contender, forgetting, cost, the first questions")
  @Access(Scope.READ)
  public String reportMarkdown(@PathParam("id") String id) {
    return reports().markdown(runs().get(id), runs().results(id), List.of());
  }

  @GET
  @Path("/{id}/report.html")
  @Produces(HTML)
  @Operation(summary = "The report as one self-contained HTML page (inline CSS and SVG charts, no script)")
  @Access(Scope.READ)
  public String reportHtml(@PathParam("id") String id) {
    return reports().html(runs().get(id), runs().results(id), List.of());
  }

  private void write(List<QuestionResult> results, OutputStream raw) throws java.io.IOException {
    OutputStream out = new BufferedOutputStream(raw);
    byte[] newline = "\n".getBytes(StandardCharsets.UTF_8);
    for (QuestionResult r : results) {
      out.write(lines.writeValueAsBytes(r));
      out.write(newline);
    }
    out.flush();
  }
}
