package io.augment.adapter.in.rest;

import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.application.query.CompareAnswers.Contender;
import io.augment.application.query.CompareAnswers;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/knowledge-bases/{kb}/compare")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fine-tuning")
public class CompareResource {
  private static final int DEFAULT_MAX_TOKENS = 256;

  private final CurrentWorkspace current;

  public CompareResource(CurrentWorkspace current) {
    this.current = current;
  }

  private CompareAnswers compare() {
    return current.get().compare();
  }

  /**
   * {@code adapters}: names from GET /api/v1/adapters, answered after RAG over this knowledge base;
   * or {@code contenders}: contender strings as an evaluation names them, answered in their order
   * instead (not both). topK and maxTokens optional.
   */
  public record CompareInput(
      String question, List<String> adapters, List<String> contenders, Integer topK, Integer maxTokens) {}

  public record CompareResponse(String question, List<Contender> answers) {}

  @POST
  @Operation(summary = "Ask RAG over this knowledge base and fine-tuned models the same question",
      description = "Answers side by side, RAG first, each with its generator, token usage and milliseconds; RAG's "
          + "carry citations. Adapters are answered by the local engine, closed book. Or send contenders (at most 9: "
          + "rag:<kb>, rag:<kb>@<generator>, rag:<kb>+adapter:<name>, adapter:<name>, generator:<id>) to compare "
          + "exactly those, in that order; errors name contenders[i].")
  @Access(Scope.READ)
  public CompareResponse compare(@PathParam("kb") String kb, CompareInput body) {
    if (body == null) {
      throw new InvalidInputException("question", "is required");
    }
    int topK = body.topK() == null ? 5 : body.topK();
    int maxTokens = body.maxTokens() == null ? DEFAULT_MAX_TOKENS : body.maxTokens();
    if (maxTokens < 1 || maxTokens > 4096) {
      throw new InvalidInputException("maxTokens", "must be 1 to 4096");
    }
    if (body.contenders() != null) {
      if (body.adapters() != null) {
        throw new InvalidInputException("contenders", "send adapters or contenders, not both");
      }
      return new CompareResponse(body.question(), compare().compareContenders(body.question(), body.contenders(), topK, maxTokens));
    }
    return new CompareResponse(body.question(), compare().compare(kb, body.question(), body.adapters(), topK, maxTokens));
  }
}
