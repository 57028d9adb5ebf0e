package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.Dtos.BatchInput;
import io.augment.adapter.in.rest.Dtos.IngestJobJson;
import io.augment.application.ingest.IngestCommand;
import io.augment.application.tenant.Workspace;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/knowledge-bases/{kb}/ingest-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingest jobs")
public class IngestJobSubmitResource {
  private final CurrentWorkspace current;

  public IngestJobSubmitResource(CurrentWorkspace current) {
    this.current = current;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Scope.WRITE)
  @Operation(summary = "Ingest many documents in the background",
      description = "Returns 202 with the job; poll it for progress (done/total chunks, chunks per second, ETA). "
          + "Every document is checked first (at most 10000 per job): one bad document refuses the whole job with a 400 "
          + "naming it, e.g. documents[3].title, and nothing is queued.")
  public Response submit(@PathParam("kb") String kb, BatchInput body) {
    if (body == null || body.documents() == null || body.documents().isEmpty()) {
      throw new InvalidInputException("documents", "must list at least one document");
    }
    Limits.atMostItems("documents", body.documents(), Limits.BATCH_DOCUMENTS);
    List<IngestCommand> commands = new java.util.ArrayList<>();
    for (int i = 0; i < body.documents().size(); i++) {
      try {
        commands.add(DocumentResource.toCommand(body.documents().get(i)));
      } catch (InvalidInputException e) {
        throw e.withField("documents[" + i + "]" + ("body".equals(e.field()) ? "" : "." + e.field()));
      }
    }
    Workspace workspace = current.get();
    workspace.admitDocuments(commands.size());
    IngestJobJson job = IngestJobJson.of(workspace.admitJob(() -> workspace.ingestJobs().submit(kb, commands)));
    return Response.accepted(job).location(URI.create("/api/v1/ingest-jobs/" + job.id())).build();
  }
}
