package io.augment.adapter.in.rest;

import io.augment.adapter.in.rest.Dtos.IngestJobJson;
import io.augment.application.ingest.IngestJobs;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ingest-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingest jobs")
public class IngestJobResource {
  private final IngestJobs jobs;

  public IngestJobResource(IngestJobs jobs) {
    this.jobs = jobs;
  }

  @GET
  @Operation(summary = "List recent ingest jobs")
  public List<IngestJobJson> list() {
    return jobs.list().stream().map(IngestJobJson::of).toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read an ingest job's status and progress")
  public IngestJobJson get(@PathParam("id") String id) {
    return IngestJobJson.of(jobs.get(id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Cancel an ingest job after its current batch")
  public IngestJobJson cancel(@PathParam("id") String id) {
    return IngestJobJson.of(jobs.cancel(id));
  }
}
