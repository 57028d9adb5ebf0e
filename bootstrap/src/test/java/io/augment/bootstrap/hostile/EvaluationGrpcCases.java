package io.augment.bootstrap.hostile;

import static io.augment.bootstrap.hostile.Mutations.ZERO_WIDTH;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.CancelEvaluationRunRequest;
import io.augment.adapter.in.grpc.v1.CreateEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.DeleteEvaluationRunRequest;
import io.augment.adapter.in.grpc.v1.DeleteEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.EvaluationQuestion;
import io.augment.adapter.in.grpc.v1.EvaluationsGrpc;
import io.augment.adapter.in.grpc.v1.GetEvaluationReportRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationResultsRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationRunRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.StartEvaluationRunRequest;
import io.grpc.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Malformed calls to the Evaluations service; wrapped by {@link EvaluationState#guard} so none may store or start anything. */
final class EvaluationGrpcCases extends GrpcCaseList {
  private static final String GOOD_LINE = "{\"question\":\"What causes the tides?\",\"answers\":[\"the Moon\"]}";

  EvaluationGrpcCases(Channel channel, String kb) {
    super(channel, kb);
  }

  @Override
  List<HostileCase> all() {
    setCases();
    runCases();
    readCases();
    return cases();
  }

  private EvaluationsGrpc.EvaluationsBlockingStub evaluations() {
    return EvaluationsGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private void setCases() {
    Supplier<CreateEvaluationSetRequest.Builder> set = () -> CreateEvaluationSetRequest.newBuilder()
        .setName("grpc-hostile-" + counter.incrementAndGet()).setJsonl(ByteString.copyFromUtf8(GOOD_LINE));
    for (String name : List.of("", "../x", "Set", "a b", "x".repeat(64), ZERO_WIDTH)) {
      create("name " + label(name), set.get().setName(name));
    }
    create("description over 10000", set.get().setDescription("d".repeat(10_001)));
    create("neither jsonl nor questions", set.get().clearJsonl());
    create("both jsonl and questions", set.get().addQuestions(EvaluationQuestion.newBuilder().setQuestion("q").addAnswers("a")));
    for (String[] jsonl : List.of(new String[] {"line 2 not JSON", GOOD_LINE + "\n{oops"},
        new String[] {"an unknown field", "{\"question\":\"q\",\"answers\":[\"a\"],\"x\":1}"},
        new String[] {"a line that is an array", "[]"}, new String[] {"only blank lines", "\n\n"},
        new String[] {"answers a string", "{\"question\":\"q\",\"answers\":\"a\"}"})) {
      create("jsonl " + jsonl[0], set.get().setJsonl(ByteString.copyFrom(jsonl[1], StandardCharsets.UTF_8)));
    }
    create("jsonl not UTF-8", set.get().setJsonl(ByteString.copyFrom(new byte[] {'{', (byte) 0xC3, 0x28, (byte) 0xFF, '}'})));
    create("jsonl over the request limit", set.get().setJsonl(ByteString.copyFromUtf8((GOOD_LINE + "\n").repeat(5_000))));
    Supplier<EvaluationQuestion.Builder> q = () -> EvaluationQuestion.newBuilder().setQuestion("What causes the tides?").addAnswers("the Moon");
    List<String> many = Json.manyValues(33).stream().map(String::valueOf).toList();
    Object[][] bad = {{"question empty", q.get().setQuestion("")}, {"question zero-width only", q.get().setQuestion(ZERO_WIDTH)},
        {"question over 10000", q.get().setQuestion("q".repeat(10_001))}, {"no answers", q.get().clearAnswers()},
        {"an empty answer", q.get().addAnswers("")}, {"an answer over 2000", q.get().addAnswers("a".repeat(2_001))},
        {"document id '../x'", q.get().addDocumentIds("../x")}, {"33 document ids", q.get().addAllDocumentIds(many)},
        {"33 answers", q.get().clearAnswers().addAllAnswers(many)}};
    for (Object[] b : bad) {
      create("questions[1] " + b[0], set.get().clearJsonl().addQuestions(q.get()).addQuestions((EvaluationQuestion.Builder) b[1]));
    }
  }

  private void runCases() {
    Supplier<StartEvaluationRunRequest.Builder> run = () -> StartEvaluationRunRequest.newBuilder()
        .setEvaluationSet(EvaluationState.SET).addContenders("rag:" + kb + "@extractive");
    start("evaluation_set empty", run.get().setEvaluationSet(""));
    start("evaluation_set '../x'", run.get().setEvaluationSet("../x"));
    start("evaluation_set unknown", run.get().setEvaluationSet("no-such-set"));
    start("control_set unknown", run.get().setControlSet("no-such-set"));
    start("no contenders", run.get().clearContenders());
    for (String c : List.of("", "bogus", "rag:", "adapter:", "rag:" + kb + "@", "x".repeat(301), "rag:no-such-kb",
        "generator:no-such-generator")) {
      start("contender " + label(c), run.get().clearContenders().addContenders(c));
    }
    start("the same contender twice", run.get().addContenders("rag:" + kb + "@extractive"));
    StartEvaluationRunRequest.Builder many = run.get().clearContenders();
    for (int i = 0; i < 17; i++) {
      many.addContenders("rag:" + kb + "@g" + i);
    }
    start("17 contenders", many);
    for (int topK : new int[] {0, -1, 101, Integer.MAX_VALUE}) {
      start("top_k " + topK, run.get().setTopK(topK));
    }
    for (int maxTokens : new int[] {0, -5, 1025, Integer.MAX_VALUE}) {
      start("max_tokens " + maxTokens, run.get().setMaxTokens(maxTokens));
    }
  }

  private void readCases() {
    String set = EvaluationState.SET;
    call("Evaluations.GetSet offset -1", () -> evaluations().getSet(GetEvaluationSetRequest.newBuilder().setName(set).setOffset(-1).build()));
    call("Evaluations.GetSet limit 0", () -> evaluations().getSet(GetEvaluationSetRequest.newBuilder().setName(set).setLimit(0).build()));
    call("Evaluations.GetSet limit 1001", () -> evaluations().getSet(GetEvaluationSetRequest.newBuilder().setName(set).setLimit(1001).build()));
    call("Evaluations.GetSet unknown", () -> evaluations().getSet(GetEvaluationSetRequest.newBuilder().setName("no-such-set").build()));
    call("Evaluations.DeleteSet unknown", () -> evaluations().deleteSet(DeleteEvaluationSetRequest.newBuilder().setName("..").build()));
    for (String id : List.of("", "..", "no-such-run", "a\u0000b")) {
      call("Evaluations.GetRun " + label(id), () -> evaluations().getRun(GetEvaluationRunRequest.newBuilder().setId(id).build()));
      call("Evaluations.CancelRun " + label(id), () -> evaluations().cancelRun(CancelEvaluationRunRequest.newBuilder().setId(id).build()));
      call("Evaluations.DeleteRun " + label(id), () -> evaluations().deleteRun(DeleteEvaluationRunRequest.newBuilder().setId(id).build()));
      call("Evaluations.GetResults " + label(id), () -> evaluations()
          .getResults(GetEvaluationResultsRequest.newBuilder().setId(id).build()).hasNext());
    }
    call("Evaluations.GetReport unknown run", () -> evaluations().getReport(GetEvaluationReportRequest.newBuilder()
        .setId("no-such-run").setFormat("html").build()));
    call("Evaluations.GetReport format pdf", () -> evaluations().getReport(GetEvaluationReportRequest.newBuilder()
        .setId("no-such-run").setFormat("pdf").build()));
  }

  private void create(String name, CreateEvaluationSetRequest.Builder request) {
    call("Evaluations.CreateSet " + name, () -> evaluations().createSet(request.build()));
  }

  private void start(String name, StartEvaluationRunRequest.Builder request) {
    call("Evaluations.StartRun " + name, () -> evaluations().startRun(request.build()));
  }
}
