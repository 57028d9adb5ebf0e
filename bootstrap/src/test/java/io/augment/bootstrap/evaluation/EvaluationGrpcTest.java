package io.augment.bootstrap.evaluation;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.ContenderResult;
import io.augment.adapter.in.grpc.v1.CreateEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.DeleteEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.EvaluationQuestion;
import io.augment.adapter.in.grpc.v1.EvaluationReport;
import io.augment.adapter.in.grpc.v1.EvaluationRun;
import io.augment.adapter.in.grpc.v1.EvaluationSetDetail;
import io.augment.adapter.in.grpc.v1.EvaluationsGrpc;
import io.augment.adapter.in.grpc.v1.GetEvaluationReportRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationResultsRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationRunRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.ListEvaluationSetsRequest;
import io.augment.adapter.in.grpc.v1.QuestionResult;
import io.augment.adapter.in.grpc.v1.Scores;
import io.augment.adapter.in.grpc.v1.StartEvaluationRunRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Evaluations gRPC service through a real client on the HTTP port. */
@QuarkusTest
@Tag("shared-app")
class EvaluationGrpcTest {
  private static final Metadata.Key<String> FIELD = Metadata.Key.of("augment-field", Metadata.ASCII_STRING_MARSHALLER);

  @TestHTTPResource("/")
  URL server;

  private ManagedChannel channel;
  private EvaluationsGrpc.EvaluationsBlockingStub evaluations;

  @BeforeEach
  void connect() {
    channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    evaluations = EvaluationsGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void storesASetFromJsonlBytesAndRefusesABadLineOrQuestionStoringNothing() {
    String name = EvaluationApi.unique("grpc");
    var set = evaluations.createSet(CreateEvaluationSetRequest.newBuilder().setName(name).setDescription("over gRPC")
        .setJsonl(ByteString.copyFromUtf8(EvaluationApi.jsonl(1))).build());
    assertThat(set.getQuestionCount()).isEqualTo(EvaluationApi.QUESTIONS.size());
    EvaluationSetDetail page = evaluations.getSet(GetEvaluationSetRequest.newBuilder().setName(name).setOffset(2).setLimit(2).build());
    assertThat(page.getQuestionsList()).extracting(EvaluationQuestion::getQuestion)
        .containsExactly(EvaluationApi.QUESTIONS.get(2)[0], EvaluationApi.QUESTIONS.get(3)[0]);
    assertThat(page.getQuestions(0).getDocumentIdsList()).containsExactly("glaciers");

    int stored = sets().size();
    String badLine = EvaluationApi.jsonl(1).lines().limit(2).reduce("", (a, b) -> a + b + "\n") + "{\"question\":\"q\",\"answers\":\"one\"}\n";
    StatusRuntimeException refused = refusal(() -> evaluations.createSet(CreateEvaluationSetRequest.newBuilder()
        .setName(EvaluationApi.unique("grpc")).setJsonl(ByteString.copyFrom(badLine, StandardCharsets.UTF_8)).build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getTrailers().get(FIELD)).isEqualTo("jsonl");
    assertThat(refused.getStatus().getDescription()).contains("line 3: answers");

    refused = refusal(() -> evaluations.createSet(CreateEvaluationSetRequest.newBuilder().setName(EvaluationApi.unique("grpc"))
        .addQuestions(EvaluationQuestion.newBuilder().setQuestion("q").addAnswers("a"))
        .addQuestions(EvaluationQuestion.newBuilder().setQuestion("no answers")).build()));
    assertThat(refused.getTrailers().get(FIELD)).isEqualTo("questions[1].answers");
    assertThat(sets()).hasSize(stored);

    evaluations.deleteSet(DeleteEvaluationSetRequest.newBuilder().setName(name).build());
    assertThat(refusal(() -> evaluations.getSet(GetEvaluationSetRequest.newBuilder().setName(name).build()))
        .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void runsTwoContendersAndTheRunsScoresAgreeWithTheStreamedResults() {
    String kb = EvaluationApi.knowledgeBase();
    String set = EvaluationApi.set(EvaluationApi.jsonl(1));
    List<String> contenders = List.of("rag:" + kb + "@extractive", "generator:extractive");
    EvaluationRun started = evaluations.startRun(StartEvaluationRunRequest.newBuilder().setEvaluationSet(set)
        .addAllContenders(contenders).setTopK(2).build());
    assertThat(started.getTopK()).isEqualTo(2);
    assertThat(started.getMaxTokens()).as("the default").isEqualTo(64);

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> EvaluationApi.FINISHED.contains(
        evaluations.getRun(GetEvaluationRunRequest.newBuilder().setId(started.getId()).build()).getStatus()));
    EvaluationRun run = evaluations.getRun(GetEvaluationRunRequest.newBuilder().setId(started.getId()).build());
    assertThat(run.getStatus()).isEqualTo("succeeded");
    assertThat(run.getProgress().getPercent()).isEqualTo(100.0);

    List<QuestionResult> rows = new ArrayList<>();
    evaluations.getResults(GetEvaluationResultsRequest.newBuilder().setId(run.getId()).build()).forEachRemaining(rows::add);
    assertThat(rows).hasSize(2 * EvaluationApi.QUESTIONS.size());
    for (ContenderResult result : run.getResultsList()) {
      Scores s = result.getScores();
      recompute(rows, result.getContender()).assertMatches(result.getContender(), s.getQuestions(), s.getExactMatch(),
          s.getF1(), s.getContains(), s.hasRecallAtK() ? s.getRecallAtK() : null, s.hasMrr() ? s.getMrr() : null,
          s.hasCitesGold() ? s.getCitesGold() : null, s.getLatencyP50Ms(), s.getLatencyP95Ms(), s.getTokensIn(), s.getTokensOut());
    }
    assertThat(run.getResults(0).getCost().hasChunks()).isTrue();
    assertThat(run.getResults(1).getCost().hasChunks()).as("not recorded for a generator").isFalse();

    EvaluationReport html = report(run.getId(), "html");
    assertThat(html.getMediaType()).isEqualTo("text/html");
    assertThat(html.getContent()).contains(contenders.get(0)).doesNotContainIgnoringCase("<script");
    assertThat(report(run.getId(), "markdown").getContent()).contains(contenders.get(1));
    assertThat(EvaluationApi.tree(report(run.getId(), "").getContent()).path("run").path("id").asText()).isEqualTo(run.getId());
    StatusRuntimeException pdf = refusal(() -> report(run.getId(), "pdf"));
    assertThat(pdf.getTrailers().get(FIELD)).isEqualTo("format");
    assertThat(refusal(() -> report("no-such-run", "html")).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  private EvaluationReport report(String id, String format) {
    return evaluations.getReport(GetEvaluationReportRequest.newBuilder().setId(id).setFormat(format).build());
  }

  private List<?> sets() {
    return evaluations.listSets(ListEvaluationSetsRequest.getDefaultInstance()).getSetsList();
  }

  private static Recomputed recompute(List<QuestionResult> rows, String contender) {
    return Recomputed.of(rows.stream().filter(r -> r.getContender().equals(contender) && r.getSet().equals("evaluation"))
        .map(r -> new Recomputed.Row(r.getExactMatch(), r.getF1(), r.getContains(), r.hasRecallAtK() ? r.getRecallAtK() : null,
            r.hasReciprocalRank() ? r.getReciprocalRank() : null, r.hasCitedGold() ? r.getCitedGold() : null,
            r.getLatencyMs(), r.getTokensIn(), r.getTokensOut(), !r.getError().isEmpty()))
        .toList());
  }

  private static StatusRuntimeException refusal(Runnable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).as("expected the call to be refused").isNotNull();
    return e;
  }
}
