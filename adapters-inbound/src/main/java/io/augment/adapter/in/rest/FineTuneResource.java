package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.FineTuneJson.AdapterJson;
import io.augment.adapter.in.rest.FineTuneJson.CheckpointJson;
import io.augment.adapter.in.rest.FineTuneJson.EventJson;
import io.augment.adapter.in.rest.FineTuneJson.FineTuneInput;
import io.augment.adapter.in.rest.FineTuneJson.FineTuneJobJson;
import io.augment.adapter.in.rest.FineTuneJson.ImportModelInput;
import io.augment.application.adaptation.FineTuneCommand;
import io.augment.application.adaptation.FineTuneOptions;
import io.augment.application.adaptation.FineTuning;
import io.augment.application.adaptation.ManageModels;
import io.augment.application.tenant.Workspace;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fine-tuning jobs (full or LoRA) on a knowledge base's documents, given texts or an uploaded
 * training file, and the models and adapters they made or imported, each downloadable as a zip
 * archive. Jobs are durable; a server without a trainer answers 501.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fine-tuning")
public class FineTuneResource {
  static final String ZIP = "application/zip";

  private final CurrentWorkspace current;

  public FineTuneResource(CurrentWorkspace current) {
    this.current = current;
  }

  private FineTuning fineTuning() {
    return current.get().fineTuning();
  }

  @POST
  @Path("/fine-tunes")
  @Operation(summary = "Start fine-tuning (full or LoRA) on a knowledge base, given texts or an uploaded training file",
      description = "Give exactly one of knowledgeBase, texts and trainingFile (an id from POST /v1/files); "
          + "validationFile is optional. Runs in the background; the job survives a restart. Follow it with "
          + "GET .../{id} and .../{id}/events. baseModel 'scratch' pretrains a new model on the local engine. "
          + "The result is served as model adapter:<name> on /v1/chat/completions.")
  @Access(Scope.WRITE)
  public Response start(FineTuneInput body) {
    if (body == null) {
      throw new InvalidInputException("name", "is required");
    }
    FineTuneCommand command = command(body);
    Workspace workspace = current.get();
    FineTuningJob job = workspace.admitJob(() -> workspace.fineTuning().start(command));
    return Response.accepted(FineTuneJobJson.of(job)).location(URI.create("/api/v1/fine-tunes/" + job.id())).build();
  }

  @GET
  @Path("/fine-tunes")
  @Operation(summary = "List the kept fine-tuning jobs, newest first")
  @Access(Scope.READ)
  public List<FineTuneJobJson> jobs() {
    return fineTuning().list().stream().map(FineTuneJobJson::of).toList();
  }

  @GET
  @Path("/fine-tunes/{id}")
  @Operation(summary = "Read a fine-tuning job's status, progress and metrics")
  @Access(Scope.READ)
  public FineTuneJobJson job(@PathParam("id") String id) {
    return FineTuneJobJson.of(fineTuning().get(id));
  }

  @DELETE
  @Path("/fine-tunes/{id}")
  @Operation(summary = "Cancel a fine-tuning job; nothing is installed. A finished job is returned as it is")
  @Access(Scope.WRITE)
  public FineTuneJobJson cancel(@PathParam("id") String id) {
    return FineTuneJobJson.of(fineTuning().cancel(id));
  }

  @GET
  @Path("/fine-tunes/{id}/events")
  @Operation(summary = "A job's events (state changes, warnings, step metrics), oldest first",
      description = "after: return events with seq above it (default 0); limit: 1 to 100 (default 100).")
  @Access(Scope.READ)
  public List<EventJson> events(@PathParam("id") String id, @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    long afterSeq = QueryParams.longInteger("after", after, 0, 0, Long.MAX_VALUE);
    int size = QueryParams.integer("limit", limit, FineTuning.MAX_PAGE, 1, FineTuning.MAX_PAGE);
    return fineTuning().events(id, afterSeq, size).stream().map(EventJson::of).toList();
  }

  @GET
  @Path("/fine-tunes/{id}/checkpoints")
  @Operation(summary = "The checkpoints the trainer keeps for a job, oldest first")
  @Access(Scope.READ)
  public List<CheckpointJson> checkpoints(@PathParam("id") String id) {
    return fineTuning().checkpoints(id).stream().map(CheckpointJson::of).toList();
  }

  @GET
  @Path("/adapters")
  @Operation(summary = "The models and adapters trained (fully fine-tuned, LoRA), each served as adapter:<name>")
  @Access(Scope.READ)
  public List<AdapterJson> adapters() {
    return current.get().models().list().stream().map(AdapterJson::of).toList();
  }

  @GET
  @Path("/adapters/{name}")
  @Operation(summary = "Read one model or adapter")
  @Access(Scope.READ)
  public AdapterJson adapter(@PathParam("name") String name) {
    return AdapterJson.of(current.get().models().get(name));
  }

  @POST
  @Path("/models/import")
  @Operation(summary = "Import a HuggingFace GPT-2 folder from the server's import folder as a model",
      description = "path is a folder relative to the server's import folder (augment.fine-tuning.import-dir, "
          + "default <data-dir>/imports), holding config.json, model.safetensors and tokenizer.json; '..', absolute "
          + "paths outside it and links leading out are refused (400, field path). The model is served as "
          + "adapter:<name>, takes LoRA adapters and exports like a trained one. 501 when importing is off.")
  @Access(Scope.WRITE)
  public Response importModel(ImportModelInput body) {
    if (body == null) {
      throw new InvalidInputException("name", "is required");
    }
    Adapter imported = current.get().models().importModel(body.name(), body.path());
    return Response.created(URI.create("/api/v1/adapters/" + imported.name())).entity(AdapterJson.of(imported)).build();
  }

  @GET
  @Path("/adapters/{name}/export")
  @Produces(ZIP)
  @Operation(summary = "Download a model or adapter as a zip archive",
      description = "A model: model.safetensors, config.json and tokenizer.json (a HuggingFace GPT-2 folder); an "
          + "adapter: adapter_model.safetensors and adapter_config.json (PEFT's layout); both with augment.json "
          + "describing the artifact.")
  @Access(Scope.READ)
  public Response export(@PathParam("name") String name) {
    ManageModels models = current.get().models();
    Adapter adapter = models.exportable(name); // 404 or 501 before anything is streamed
    StreamingOutput body = out -> models.export(adapter.name(), out);
    return Response.ok(body, ZIP).header("Content-Disposition", "attachment; filename=\""
        + adapter.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".zip\"").build();
  }

  @DELETE
  @Path("/adapters/{name}")
  @Operation(summary = "Delete a model or adapter")
  @Access(Scope.WRITE)
  public Response deleteAdapter(@PathParam("name") String name) {
    current.get().models().delete(name);
    return Response.noContent().build();
  }

  static FineTuneCommand command(FineTuneInput in) {
    return new FineTuneCommand(in.name(), in.baseModel(), FineTuneOptions.method(in.method()), in.lora(), in.training(),
        in.knowledgeBase(), in.texts(), in.trainingFile(), in.validationFile(), FineTuneCommand.Fields.AUGMENT);
  }
}
