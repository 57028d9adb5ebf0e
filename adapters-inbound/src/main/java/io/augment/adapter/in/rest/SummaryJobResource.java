package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.SummaryResource.SummaryJobJson;
import io.augment.application.summary.SummaryJobs;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/summary-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summaries")
public class SummaryJobResource {
  private final CurrentWorkspace current;

  public SummaryJobResource(CurrentWorkspace current) {
    this.current = current;
  }

  private SummaryJobs jobs() {
    return current.get().summaryJobs();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a summary job's progress and result")
  @Access(Scope.READ)
  public SummaryJobJson get(@PathParam("id") String id) {
    return SummaryJobJson.of(jobs().get(id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Cancel a summary job")
  @Access(Scope.WRITE)
  public SummaryJobJson cancel(@PathParam("id") String id) {
    return SummaryJobJson.of(jobs().cancel(id));
  }
}
