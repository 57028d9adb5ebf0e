package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.Access;
import io.augment.domain.model.AugmentException;
import io.augment.domain.tenant.Scope;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path(OpenAiPaths.ROOT + "/chat/completions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
@Tag(name = "OpenAI-compatible")
public class ChatCompletionsResource {
  /** Longest a generator may stay silent in a stream before the stream is failed. */
  private static final Duration SILENCE_LIMIT = Duration.ofMinutes(5);

  private final ModelCatalog models;
  private final ChatCalls calls;
  private final ObjectMapper json;
  private final SelfCallGuard selfCalls;

  public ChatCompletionsResource(ModelCatalog models, ChatCalls calls, ObjectMapper json, SelfCallGuard selfCalls) {
    this.models = models;
    this.calls = calls;
    this.json = json;
    this.selfCalls = selfCalls;
  }

  @POST
  @Operation(summary = "OpenAI chat completions: the base model, adapter:<name> or rag:<kb>",
      description = "Same request and response as OpenAI's; \"stream\": true answers as server-sent events. "
          + "rag:<kb> answers the last user message over the knowledge base and adds \"citations\"; "
          + "the \"retrieval\" extension (top_k, mode, rerank, ...) tunes its retrieval.")
  @Access(Scope.READ)
  public Response create(ChatRequest request, @HeaderParam(SelfCallGuard.HEADER) String caller) {
    if (request == null) {
      throw OpenAiException.invalid(null, "the request body must be a JSON object");
    }
    ChatTarget target = models.chat(request.model());
    selfCalls.checkChat(caller, target);
    ChatCall call = calls.prepare(target, request);
    String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    long created = Instant.now().getEpochSecond();
    if (!request.streaming()) {
      return Response.ok(ChatJson.ChatCompletion.of(id, created, target.model(), call.run()), MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    CompletionEvents events = new CompletionEvents(SILENCE_LIMIT);
    Infrastructure.getDefaultWorkerPool().execute(() -> {
      try {
        call.stream(events);
      } catch (RuntimeException e) {
        events.error(e);
      }
    });
    Throwable failure = events.awaitStart();
    if (failure != null) {
      throw OpenAiException.from(failure);
    }
    SseWriter writer = new SseWriter(json, new ChunkStream(id, created, target.model()), events, request.includeUsage());
    return Response.ok(writer, MediaType.SERVER_SENT_EVENTS_TYPE).header("Cache-Control", "no-cache").build();
  }

  /** Ahead of the application-wide problem mappers: use-case failures keep OpenAI's shape here. */
  @ServerExceptionMapper
  public Response useCaseFailure(AugmentException e) {
    return OpenAiException.from(e).response();
  }
}
