package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.Dtos.IngestJobJson;
import io.augment.domain.tenant.Scope;
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
  private final CurrentWorkspace current;

  public IngestJobResource(CurrentWorkspace current) {
    this.current = current;
  }

  @GET
  @Access(Scope.READ)
  @Operation(summary = "List recent ingest jobs")
  public List<IngestJobJson> list() {
    return current.get().ingestJobs().list().stream().map(IngestJobJson::of).toList();
  }

  @GET
  @Path("/{id}")
  @Access(Scope.READ)
  @Operation(summary = "Read an ingest job's status and progress")
  public IngestJobJson get(@PathParam("id") String id) {
    return IngestJobJson.of(current.get().ingestJobs().get(id));
  }

  @DELETE
  @Path("/{id}")
  @Access(Scope.WRITE)
  @Operation(summary = "Cancel an ingest job after its current batch")
  public IngestJobJson cancel(@PathParam("id") String id) {
    return IngestJobJson.of(current.get().ingestJobs().cancel(id));
  }
}
