package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.Dtos.ProgressJson;
import io.augment.application.adaptation.FineTuneCommand;
import io.augment.application.adaptation.FineTuneKnowledgeBase;
import io.augment.application.adaptation.FineTuneOptions;
import io.augment.application.tenant.Workspace;
import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Fine-tuning (full or LoRA) on a knowledge base's documents, and the resulting models and adapters. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fine-tuning")
public class FineTuneResource {
  private final CurrentWorkspace current;

  public FineTuneResource(CurrentWorkspace current) {
    this.current = current;
  }

  /** All fields but name, method and one of knowledgeBase/texts are optional. */
  public record FineTuneInput(
      String name, String baseModel, String method, String knowledgeBase, List<String> texts,
      FineTuneOptions.Lora lora, FineTuneOptions.Training training) {}

  public record MetricsJson(
      long totalParameters, long trainableParameters, double trainablePercent, double tokensPerSecond,
      List<Double> lossCurve, long peakHeapBytes, long peakNativeBytes, long artifactBytes) {
    static MetricsJson of(AdaptationJob.TrainingMetrics m) {
      return m == null ? null : new MetricsJson(m.totalParameters(), m.trainableParameters(), m.trainablePercent(),
          m.tokensPerSecond(), m.lossCurve(), m.peakHeapBytes(), m.peakNativeBytes(), m.artifactBytes());
    }
  }

  public record FineTuneJobJson(
      String id, String name, String baseModel, String method, String status, int texts, ProgressJson progress,
      MetricsJson metrics, String error) {
    static FineTuneJobJson of(AdaptationJob j) {
      return new FineTuneJobJson(j.id(), j.request().name(), j.request().baseModel(),
          j.request().method().name().toLowerCase(Locale.ROOT), j.status().name().toLowerCase(Locale.ROOT),
          j.request().texts().size(), ProgressJson.of(j.progress()), MetricsJson.of(j.metrics()), j.error());
    }
  }

  public record AdapterJson(String name, String baseModel, String method, long bytes, String model) {
    static AdapterJson of(Adapter a) {
      return new AdapterJson(a.name(), a.baseModel(), a.method().name().toLowerCase(Locale.ROOT), a.bytes(),
          "adapter:" + a.name());
    }
  }

  @POST
  @Path("/fine-tunes")
  @Operation(summary = "Start fine-tuning (full or LoRA) on a knowledge base's documents or on given texts",
      description = "Runs in the background on the local engine; poll the job for progress (steps, tokens/s, ETA) "
          + "and metrics. baseModel 'scratch' pretrains a new model. The result is served as model adapter:<name> "
          + "on /v1/chat/completions.")
  @Access(Scope.WRITE)
  public Response start(FineTuneInput body) {
    if (body == null) {
      throw new InvalidInputException("name", "is required");
    }
    FineTuneCommand command = command(body);
    Workspace workspace = current.get();
    FineTuneKnowledgeBase fineTune = require(workspace.fineTune());
    AdaptationJob job = workspace.admitJob(() -> fineTune.start(command));
    return Response.accepted(FineTuneJobJson.of(job)).location(URI.create("/api/v1/fine-tunes/" + job.id())).build();
  }

  @GET
  @Path("/fine-tunes")
  @Operation(summary = "List fine-tuning jobs since start-up")
  @Access(Scope.READ)
  public List<FineTuneJobJson> jobs() {
    return require(current.get().fineTuner()).jobs().stream().map(FineTuneJobJson::of).toList();
  }

  @GET
  @Path("/fine-tunes/{id}")
  @Operation(summary = "Read a fine-tuning job's status, progress and metrics")
  @Access(Scope.READ)
  public FineTuneJobJson job(@PathParam("id") String id) {
    return FineTuneJobJson.of(find(require(current.get().fineTuner()), id));
  }

  @DELETE
  @Path("/fine-tunes/{id}")
  @Operation(summary = "Cancel a fine-tuning job; nothing is installed")
  @Access(Scope.WRITE)
  public FineTuneJobJson cancel(@PathParam("id") String id) {
    FineTuner fineTuner = require(current.get().fineTuner());
    find(fineTuner, id);
    fineTuner.cancel(id);
    return FineTuneJobJson.of(find(fineTuner, id));
  }

  @GET
  @Path("/adapters")
  @Operation(summary = "Models and adapters the local engine has (pretrained, fully fine-tuned, LoRA)")
  @Access(Scope.READ)
  public List<AdapterJson> adapters() {
    return require(current.get().adapters()).adapters().stream().map(AdapterJson::of).toList();
  }

  @DELETE
  @Path("/adapters/{name}")
  @Operation(summary = "Delete a model or adapter")
  @Access(Scope.WRITE)
  public Response deleteAdapter(@PathParam("name") String name) {
    if (!require(current.get().adapters()).delete(name)) {
      throw new NotFoundException("adapter", name);
    }
    return Response.noContent().build();
  }

  private static AdaptationJob find(FineTuner fineTuner, String id) {
    return fineTuner.job(id).orElseThrow(() -> new NotFoundException("fine-tune job", id));
  }

  /** The engine's part, or 501 when the local engine is off. */
  private static <T> T require(Optional<T> part) {
    if (part.isEmpty()) {
      throw new WebApplicationException(Problem.response(501, "Not Implemented",
          "fine-tuning needs the local engine, which is switched off (augment.engine.enabled=false)", null));
    }
    return part.get();
  }

  static FineTuneCommand command(FineTuneInput in) {
    return FineTuneOptions.command(in.name(), in.baseModel(), in.method(), in.knowledgeBase(), in.texts(), in.lora(),
        in.training());
  }
}
