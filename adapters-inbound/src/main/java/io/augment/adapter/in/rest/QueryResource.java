package io.augment.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.Access;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.rest.Dtos.QueryInput;
import io.augment.adapter.in.rest.Dtos.SearchHit;
import io.augment.adapter.in.rest.Dtos.SearchInput;
import io.augment.adapter.in.rest.Dtos.SearchResponse;
import io.augment.application.query.Answer;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.AnswerSink;
import io.augment.application.query.Citation;
import io.augment.application.query.MetadataFilters;
import io.augment.application.query.QueryCommand;
import io.augment.application.query.SearchResult;
import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.tenant.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/knowledge-bases/{kb}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Search and query")
public class QueryResource {
  private static final int DEFAULT_TOP_K = 5;

  private final CurrentWorkspace current;
  private final MeterRegistry meters;
  private final ObjectMapper json;

  public QueryResource(CurrentWorkspace current, MeterRegistry meters, ObjectMapper json) {
    this.current = current;
    this.meters = meters;
    this.json = json;
  }

  @POST
  @Path("/search")
  @Operation(summary = "Retrieval only: the chunks nearest to the query, best first")
  @Access(Scope.READ)
  public SearchResponse search(@PathParam("kb") String kb, SearchInput body) {
    if (body == null) {
      throw new InvalidInputException("query", "is required");
    }
    QueryCommand command = QueryCommand.search(kb, body.query(), topK(body.topK()), MetadataFilters.parse(body.filter()),
        RetrievalOptions.of(body.mode(), body.hyde(), body.queryVariants(), body.rerank(), body.candidates()));
    SearchResult result = current.get().search().search(command);
    meters.timer("augment.search", "knowledge_base", kb).record(java.time.Duration.ofNanos((long) ((result.embedMs() + result.searchMs()) * 1e6)));
    List<SearchHit> hits = new ArrayList<>();
    for (ScoredChunk c : result.chunks()) {
      hits.add(new SearchHit(hits.size() + 1, c.chunk().documentId(), c.chunk().id(), c.chunk().title(), c.score(),
          c.chunk().text(), c.chunk().metadata()));
    }
    return new SearchResponse(body.query(), result.mode().name().toLowerCase(), hits, result.queries(), result.notes(),
        result.embedMs(), result.searchMs(), result.expandMs(), result.rerankMs());
  }

  @POST
  @Path("/query")
  @Operation(summary = "Answer a question with citations (RAG)",
      description = "Retrieves topK chunks, builds a prompt with numbered sources and generates. The answer carries citations and per-step timings; 'extractive' says the offline generator copied sentences from the sources.")
  @Access(Scope.READ)
  public Answer query(@PathParam("kb") String kb, QueryInput body) {
    Answer answer = current.get().answers().answer(command(kb, body));
    meters.timer("augment.query", "knowledge_base", kb).record(java.time.Duration.ofNanos((long) (answer.timings().totalMs() * 1e6)));
    return answer;
  }

  @POST
  @Path("/query")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Answer a question, rendered as readable text (for terminals)")
  @Access(Scope.READ)
  public String queryAsText(@PathParam("kb") String kb, QueryInput body) {
    return AnswerText.render(query(kb, body));
  }

  @POST
  @Path("/query/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Answer a question as server-sent events",
      description = "Events: 'sources' (the citations, first), 'token' (text pieces), 'answer' (the whole answer with timings, last) or 'error' (a problem: status, detail, field). Invalid input and an unknown knowledge base are refused before the stream starts, with the same problem+json 4xx as /query.")
  @Access(Scope.READ)
  public StreamingOutput stream(@PathParam("kb") String kb, QueryInput body) {
    QueryCommand command = command(kb, body);
    AnswerQuestion answers = current.get().answers();
    answers.check(command);
    return new SseOutput(json, events -> answers.stream(command, new AnswerSink() {
      @Override
      public void sources(List<Citation> citations) {
        events.send("sources", citations);
      }

      @Override
      public void token(String piece) {
        events.send("token", Map.of("text", piece));
      }

      @Override
      public void complete(Answer answer) {
        meters.timer("augment.query", "knowledge_base", kb).record(java.time.Duration.ofNanos((long) (answer.timings().totalMs() * 1e6)));
        events.send("answer", answer);
      }

      @Override
      public void error(Throwable error) {
        events.fail(error);
      }
    }));
  }

  private static QueryCommand command(String kb, QueryInput body) {
    if (body == null) {
      throw new InvalidInputException("question", "is required");
    }
    GenerationOptions options = new GenerationOptions(
        body.maxTokens() == null ? GenerationOptions.DEFAULT.maxTokens() : body.maxTokens(),
        body.temperature() == null ? 0.0 : body.temperature(), 1.0, List.of(), null);
    return new QueryCommand(kb, body.question(), topK(body.topK()), MetadataFilters.parse(body.filter()), options,
        RetrievalOptions.of(body.mode(), body.hyde(), body.queryVariants(), body.rerank(), body.candidates()));
  }

  private static int topK(Integer topK) {
    return topK == null ? DEFAULT_TOP_K : topK;
  }
}
