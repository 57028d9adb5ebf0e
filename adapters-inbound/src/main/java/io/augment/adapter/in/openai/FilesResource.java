package io.augment.adapter.in.openai;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.application.adaptation.TrainingFiles;
import io.augment.domain.model.AugmentException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.PayloadTooLargeException;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** OpenAI's Files API for fine-tuning: JSONL training files, each line checked at upload. */
@Path(OpenAiPaths.ROOT + "/files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OpenAI-compatible")
public class FilesResource {
  private final CurrentWorkspace current;

  public FilesResource(CurrentWorkspace current) {
    this.current = current;
  }

  private TrainingFiles files() {
    return current.get().trainingFiles();
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Upload a JSONL training file (purpose fine-tune)",
      description = "Form fields: file, purpose=fine-tune. Each line is one of {\"messages\": [...]}, "
          + "{\"prompt\", \"completion\"} or {\"text\"}; a bad line is a 400 naming it (\"line 7: ...\").")
  @Access(Scope.WRITE)
  public FineTuningJson.FileJson upload(@RestForm("file") FileUpload file, @RestForm("purpose") String purpose) {
    if (file == null) {
      throw OpenAiException.invalid("file", "a multipart part named 'file' is required");
    }
    TrainingFiles files = files();
    if (file.size() > files.maxBytes()) { // before reading it into memory
      throw new PayloadTooLargeException("file", file.size(), files.maxBytes());
    }
    return FineTuningJson.FileJson.of(files.upload(file.fileName(), purpose, read(file)));
  }

  @GET
  @Operation(summary = "List the training files, newest first")
  @Access(Scope.READ)
  public FineTuningJson.ListJson<FineTuningJson.FileJson> list() {
    return new FineTuningJson.ListJson<>(files().list().stream().map(FineTuningJson.FileJson::of).toList(), false);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One training file's record")
  @Access(Scope.READ)
  public FineTuningJson.FileJson get(@PathParam("id") String id) {
    return FineTuningJson.FileJson.of(files().get(id));
  }

  @GET
  @Path("/{id}/content")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "A training file's bytes, as uploaded")
  @Access(Scope.READ)
  public Response content(@PathParam("id") String id) {
    return Response.ok(files().content(id), MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a training file (jobs trained on it keep their results)")
  @Access(Scope.WRITE)
  public FineTuningJson.DeletedJson delete(@PathParam("id") String id) {
    files().delete(id);
    return new FineTuningJson.DeletedJson(id, "file", true);
  }

  @ServerExceptionMapper
  public Response useCaseFailure(AugmentException e) {
    if (e instanceof NotFoundException) {
      return OpenAiException.notFound("id", e.getMessage()).response();
    }
    return OpenAiException.from(e).response();
  }

  private static byte[] read(FileUpload file) {
    try {
      return Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
