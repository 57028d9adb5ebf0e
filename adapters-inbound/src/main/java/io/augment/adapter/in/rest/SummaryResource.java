package io.augment.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.Dtos.ProgressJson;
import io.augment.application.job.Job;
import io.augment.application.summary.SummarizeKnowledgeBase;
import io.augment.application.summary.Summary;
import io.augment.application.summary.SummaryRequest;
import io.augment.application.tenant.Workspace;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/knowledge-bases/{kb}/summary")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Summaries")
public class SummaryResource {
  private final CurrentWorkspace current;
  private final ObjectMapper json;

  public SummaryResource(CurrentWorkspace current, ObjectMapper json) {
    this.current = current;
    this.json = json;
  }

  /** All fields optional. */
  public record SummaryInput(Integer groupSize, Integer sentencesPerGroup, Integer maxSentences) {}

  public record SummaryJobJson(
      String id, String knowledgeBase, String status, ProgressJson progress, Summary summary, String error,
      Instant submittedAt, Instant finishedAt) {
    static SummaryJobJson of(Job<Summary> j) {
      return new SummaryJobJson(j.id(), j.subject(), j.status().name().toLowerCase(), ProgressJson.of(j.progress()),
          j.result(), j.error(), j.submittedAt(), j.finishedAt());
    }
  }

  @POST
  @Operation(summary = "Summarise every chunk of the knowledge base (map-reduce), waiting for the result",
      description = "Covers all chunks (chunksRead = totalChunks); cached per knowledge-base revision. Extractive (centroid sentence selection) unless a generative model is configured.")
  @Access(Scope.READ)
  public Summary summarize(@PathParam("kb") String kb, SummaryInput body) {
    return current.get().summarize().summarize(request(kb, body), p -> {}, () -> false);
  }

  @POST
  @Path("/jobs")
  @Operation(summary = "Start a summary in the background; poll it for progress or cancel it")
  @Access(Scope.WRITE)
  public Response submit(@PathParam("kb") String kb, SummaryInput body) {
    SummaryRequest request = request(kb, body);
    Workspace workspace = current.get();
    Job<Summary> job = workspace.admitJob(() -> workspace.summaryJobs().submit(request));
    return Response.accepted(SummaryJobJson.of(job)).location(URI.create("/api/v1/summary-jobs/" + job.id())).build();
  }

  @POST
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Summarise as server-sent events: 'progress' events, then 'summary' (or 'error', a problem)",
      description = "An unknown knowledge base or bad settings are refused before the stream starts, as by POST .../summary.")
  @Access(Scope.READ)
  public StreamingOutput stream(@PathParam("kb") String kb, SummaryInput body) {
    SummaryRequest request = request(kb, body);
    SummarizeKnowledgeBase summarize = current.get().summarize();
    summarize.cached(request); // an unknown knowledge base is a 404 before the stream starts
    return new SseOutput(json, events -> {
      try {
        Summary summary = summarize.summarize(request, p -> events.send("progress", ProgressJson.of(p)), events::closed);
        events.send("summary", summary);
      } catch (CancellationException e) {
        // the client went away
      } catch (RuntimeException e) {
        events.fail(e);
      }
    });
  }

  private static SummaryRequest request(String kb, SummaryInput body) {
    SummaryRequest d = SummaryRequest.defaults(kb);
    if (body == null) {
      return d;
    }
    return new SummaryRequest(kb, body.groupSize() == null ? d.groupSize() : body.groupSize(),
        body.sentencesPerGroup() == null ? d.sentencesPerGroup() : body.sentencesPerGroup(),
        body.maxSentences() == null ? d.maxSentences() : body.maxSentences());
  }
}
