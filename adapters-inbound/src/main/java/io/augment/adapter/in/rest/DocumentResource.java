package io.augment.adapter.in.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.Dtos.DocumentInput;
import io.augment.adapter.in.rest.Dtos.DocumentJson;
import io.augment.adapter.in.rest.Dtos.IngestResultJson;
import io.augment.application.ingest.DocumentIds;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestCommand;
import io.augment.application.ingest.IngestResult;
import io.augment.application.tenant.Workspace;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/knowledge-bases/{kb}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {
  private static final int DEFAULT_PAGE = 100;

  private final CurrentWorkspace current;
  private final DocumentParsers parsers;
  private final ObjectMapper json;

  public DocumentResource(CurrentWorkspace current, DocumentParsers parsers, ObjectMapper json) {
    this.current = current;
    this.parsers = parsers;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Scope.WRITE)
  @Operation(summary = "Ingest one document given as text",
      description = "mediaType defaults to text/plain (text/markdown and text/html are parsed too). Re-ingesting unchanged content does nothing; changed content replaces the document's chunks atomically.")
  public Response ingestJson(@PathParam("kb") String kb, DocumentInput body) {
    IngestCommand command = toCommand(body);
    Workspace workspace = current.get();
    workspace.admitDocuments(1);
    return respond(workspace.ingest().ingest(kb, command));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Access(Scope.WRITE)
  @Operation(summary = "Ingest one uploaded file (text, Markdown, HTML or PDF)",
      description = "Form fields: file (required), id, title, metadata (a JSON object of strings). "
          + "Send the header X-Augment-Request: 1 (cross-site protection).")
  public Response ingestFile(
      @PathParam("kb") String kb,
      @HeaderParam("X-Augment-Request") @Parameter(required = true, example = "1",
          description = "any value; a web page on another site cannot send it") String marker,
      @RestForm("file") FileUpload file,
      @RestForm("id") String id,
      @RestForm("title") String title,
      @RestForm("metadata") String metadata) {
    if (file == null) {
      throw new InvalidInputException("file", "a multipart part named 'file' is required");
    }
    Workspace workspace = current.get();
    workspace.admitDocuments(1);
    String mediaType = parsers.mediaTypeOf(file.fileName(), file.contentType());
    byte[] content = read(file);
    String documentId = id != null && !id.isBlank() ? id : DocumentIds.fromFileName(file.fileName());
    try {
      return respond(workspace.ingest().ingest(kb, new IngestCommand(documentId, title, mediaType, content, parseMetadata(metadata))));
    } catch (InvalidInputException e) {
      throw "text".equals(e.field()) ? e.withField("file") : e; // an upload's text is the file
    }
  }

  @GET
  @Access(Scope.READ)
  @Operation(summary = "List documents, ordered by id",
      description = "offset: 0 or more (default 0); limit: 1 to 1000 (default 100). Other values are a 400 naming the parameter.")
  public List<DocumentJson> list(
      @PathParam("kb") String kb, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    // Read as text: JAX-RS answers an unparseable int parameter with 404.
    int from = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
    int size = QueryParams.integer("limit", limit, DEFAULT_PAGE, 1, Limits.PAGE_SIZE);
    return current.get().documents().list(kb, from, size).stream().map(DocumentJson::of).toList();
  }

  @GET
  @Path("/{id}")
  @Access(Scope.READ)
  @Operation(summary = "Get a document's record")
  public DocumentJson get(@PathParam("kb") String kb, @PathParam("id") String id) {
    return DocumentJson.of(current.get().documents().get(kb, id));
  }

  @GET
  @Path("/{id}/chunks")
  @Access(Scope.READ)
  @Operation(summary = "Get a document's chunks in order")
  public List<Dtos.SearchHit> chunks(@PathParam("kb") String kb, @PathParam("id") String id) {
    return current.get().documents().chunks(kb, id).stream()
        .map(c -> new Dtos.SearchHit(c.index(), c.documentId(), c.id(), c.title(), 0, c.text(), c.metadata()))
        .toList();
  }

  @DELETE
  @Path("/{id}")
  @Access(Scope.WRITE)
  @Operation(summary = "Delete a document and all its chunks")
  public Response delete(@PathParam("kb") String kb, @PathParam("id") String id) {
    current.get().documents().delete(kb, id);
    return Response.noContent().build();
  }

  static IngestCommand toCommand(DocumentInput body) {
    if (body == null) {
      throw new InvalidInputException("body", "a JSON object with 'text' is required");
    }
    if (body.text() == null || body.text().isBlank()) {
      throw new InvalidInputException("text", "must not be empty");
    }
    String mediaType = body.mediaType() == null ? "text/plain" : body.mediaType();
    return new IngestCommand(body.id(), body.title(), mediaType, body.text().getBytes(StandardCharsets.UTF_8), body.metadata());
  }

  private Response respond(IngestResult result) {
    int status = result.outcome() == IngestResult.Outcome.CREATED ? 201 : 200;
    return Response.status(status).entity(IngestResultJson.of(result)).build();
  }

  private Map<String, String> parseMetadata(String metadata) {
    if (metadata == null || metadata.isBlank()) {
      return Map.of();
    }
    Map<String, String> values;
    try {
      values = json.readValue(metadata, new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new InvalidInputException("metadata", "must be a JSON object of string values");
    }
    if (values == null) {
      throw new InvalidInputException("metadata", "must be a JSON object of string values");
    }
    return values;
  }

  private static byte[] read(FileUpload file) {
    try {
      return Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
