package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.Dtos.CreateKnowledgeBase;
import io.augment.adapter.in.rest.Dtos.KnowledgeBaseJson;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.RetrievalMode;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/knowledge-bases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge bases")
public class KnowledgeBaseResource {
  private final CurrentWorkspace current;

  public KnowledgeBaseResource(CurrentWorkspace current) {
    this.current = current;
  }

  @POST
  @Access(Scope.WRITE)
  @Operation(summary = "Create a knowledge base", description = "Records the embedding model and chunking settings its index is built with.")
  public Response create(CreateKnowledgeBase body) {
    if (body == null) {
      throw new InvalidInputException("body", "a JSON object with at least 'name' is required");
    }
    ChunkingSettings chunking = body.chunkSizeTokens() == null && body.chunkOverlapTokens() == null
        ? null
        : new ChunkingSettings(
            orDefault(body.chunkSizeTokens(), ChunkingSettings.DEFAULT.chunkSizeTokens()),
            orDefault(body.chunkOverlapTokens(), ChunkingSettings.DEFAULT.overlapTokens()));
    var view = current.get().knowledgeBases().create(new CreateKnowledgeBaseCommand(body.name(), body.description(), body.embeddingModel(),
        chunking, RetrievalMode.parse("retrievalMode", body.retrievalMode())));
    return Response.created(URI.create("/api/v1/knowledge-bases/" + body.name())).entity(KnowledgeBaseJson.of(view)).build();
  }

  @GET
  @Access(Scope.READ)
  @Operation(summary = "List knowledge bases")
  public List<KnowledgeBaseJson> list() {
    return current.get().knowledgeBases().list().stream().map(KnowledgeBaseJson::of).toList();
  }

  @GET
  @Path("/{kb}")
  @Access(Scope.READ)
  @Operation(summary = "Get a knowledge base with its document and chunk counts")
  public KnowledgeBaseJson get(@PathParam("kb") String kb) {
    return KnowledgeBaseJson.of(current.get().knowledgeBases().get(kb));
  }

  @DELETE
  @Path("/{kb}")
  @Access(Scope.WRITE)
  @Operation(summary = "Delete a knowledge base, its documents and its index")
  public Response delete(@PathParam("kb") String kb) {
    current.get().knowledgeBases().delete(kb);
    return Response.noContent().build();
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
