package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.application.adaptation.FineTuning;
import io.augment.application.tenant.Workspace;
import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.model.AugmentException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.NotImplementedException;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * OpenAI's fine-tuning jobs API over Augment's durable jobs: lists newest first with {@code after}
 * cursors and {@code has_more}; the model a job made is {@code fine_tuned_model}
 * ({@code adapter:<name>}), served by /v1/chat/completions.
 */
@Path(OpenAiPaths.ROOT + "/fine_tuning/jobs")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OpenAI-compatible")
public class FineTuningJobsResource {
  static final int DEFAULT_JOBS = 20;
  static final int DEFAULT_EVENTS = 20;
  static final int DEFAULT_CHECKPOINTS = 10;

  private final CurrentWorkspace current;

  public FineTuningJobsResource(CurrentWorkspace current) {
    this.current = current;
  }

  @POST
  @Operation(summary = "Create a fine-tuning job from an uploaded training file",
      description = "OpenAI's body: model, training_file, validation_file, suffix, seed, hyperparameters "
          + "(n_epochs, batch_size, learning_rate_multiplier) top-level or under method.supervised; "
          + "method.type lora with method.lora.hyperparameters (also rank, alpha, dropout, target_modules) is "
          + "Augment's extension. fine_tuned_model is adapter:<name> once it succeeded.")
  @Access(Scope.WRITE)
  public FineTuningJson.JobJson create(JsonNode body) {
    Workspace workspace = current.get();
    FineTuningRequest request = FineTuningRequest.of(body, () -> workspace.fineTuning().defaults());
    FineTuningJob job;
    try {
      job = workspace.admitJob(() -> workspace.fineTuning().start(request.command()));
    } catch (InvalidInputException e) {
      throw request.invalid(e);
    } catch (NotFoundException e) {
      throw new OpenAiException(400, "model '" + request.command().baseModel() + "' is not available for fine-tuning: "
          + e.getMessage(), "model", "model_not_available");
    }
    return view(workspace, job);
  }

  @GET
  @Operation(summary = "List fine-tuning jobs, newest first",
      description = "after: a job id, to list the jobs older than it; limit: 1 to 100 (default 20).")
  @Access(Scope.READ)
  public FineTuningJson.ListJson<FineTuningJson.JobJson> list(@QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    Workspace workspace = current.get();
    FineTuning.Page<FineTuningJob> page = workspace.fineTuning().list(blankToNull(after), limit(limit, DEFAULT_JOBS));
    FineTuneDefaults defaults = defaults(workspace);
    return new FineTuningJson.ListJson<>(page.items().stream().map(j -> view(workspace, j, defaults)).toList(),
        page.hasMore());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One fine-tuning job")
  @Access(Scope.READ)
  public FineTuningJson.JobJson get(@PathParam("id") String id) {
    Workspace workspace = current.get();
    return view(workspace, workspace.fineTuning().get(id));
  }

  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.WILDCARD) // no body: clients send any type, or none
  @Operation(summary = "Cancel a fine-tuning job; nothing is installed. A finished job is returned as it is")
  @Access(Scope.WRITE)
  public FineTuningJson.JobJson cancel(@PathParam("id") String id) {
    Workspace workspace = current.get();
    return view(workspace, workspace.fineTuning().cancel(id));
  }

  @GET
  @Path("/{id}/events")
  @Operation(summary = "A job's events, newest first",
      description = "after: an event id, to list the events older than it; limit: 1 to 100 (default 20).")
  @Access(Scope.READ)
  public FineTuningJson.ListJson<FineTuningJson.EventJson> events(@PathParam("id") String id,
      @QueryParam("after") String after, @QueryParam("limit") String limit) {
    int size = limit(limit, DEFAULT_EVENTS);
    Long before = null;
    if (after != null && !after.isBlank()) {
      long seq = FineTuningViews.eventSeq(id, after.strip());
      if (seq < 0) {
        throw OpenAiException.invalid("after", "'after' must be an event id of this job (" + FineTuningViews.EVENT + id
            + "-<n>)");
      }
      before = seq;
    }
    FineTuning.Page<io.augment.domain.adaptation.FineTuneEvent> page =
        current.get().fineTuning().latestEvents(id, before, size);
    return new FineTuningJson.ListJson<>(page.items().stream().map(e -> FineTuningViews.event(id, e)).toList(),
        page.hasMore());
  }

  @GET
  @Path("/{id}/checkpoints")
  @Operation(summary = "The checkpoints the trainer keeps for a job, newest first",
      description = "after: a checkpoint id, to list those older than it; limit: 1 to 100 (default 10).")
  @Access(Scope.READ)
  public FineTuningJson.ListJson<FineTuningJson.CheckpointJson> checkpoints(@PathParam("id") String id,
      @QueryParam("after") String after, @QueryParam("limit") String limit) {
    int size = limit(limit, DEFAULT_CHECKPOINTS);
    FineTuning fineTuning = current.get().fineTuning();
    FineTuningJob job = fineTuning.get(id);
    List<FineTuneCheckpoint> newest = new ArrayList<>(fineTuning.checkpoints(id));
    Collections.reverse(newest);
    int from = 0;
    if (after != null && !after.isBlank()) {
      from = -1;
      for (int i = 0; i < newest.size(); i++) {
        if (FineTuningViews.checkpointId(id, newest.get(i)).equals(after.strip())) {
          from = i + 1;
        }
      }
      if (from < 0) {
        throw OpenAiException.invalid("after", "'after' must be a checkpoint id of this job");
      }
    }
    List<FineTuneCheckpoint> page = newest.subList(from, Math.min(newest.size(), from + size));
    return new FineTuningJson.ListJson<>(page.stream().map(c -> FineTuningViews.checkpoint(job, c)).toList(),
        from + size < newest.size());
  }

  @ServerExceptionMapper
  public Response useCaseFailure(AugmentException e) {
    if (e instanceof NotFoundException) {
      return OpenAiException.notFound("id", e.getMessage()).response();
    }
    return OpenAiException.from(e).response();
  }

  private FineTuningJson.JobJson view(Workspace workspace, FineTuningJob job) {
    return view(workspace, job, defaults(workspace));
  }

  private static FineTuningJson.JobJson view(Workspace workspace, FineTuningJob job, FineTuneDefaults defaults) {
    return FineTuningViews.job(job, workspace.tenant().value(), defaults);
  }

  /** The trainer's defaults, or null where it has none (its jobs then show no learning-rate multiplier). */
  private static FineTuneDefaults defaults(Workspace workspace) {
    try {
      return workspace.fineTuning().defaults();
    } catch (NotImplementedException e) {
      return null;
    }
  }

  private static int limit(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= FineTuning.MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw OpenAiException.invalid("limit", "'limit' must be an integer between 1 and " + FineTuning.MAX_PAGE);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
