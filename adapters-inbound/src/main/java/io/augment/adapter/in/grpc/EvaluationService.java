package io.augment.adapter.in.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.adapter.in.CurrentWorkspace;
import io.augment.adapter.in.EvaluationJsonl;
import io.augment.adapter.in.EvaluationReportJson;
import io.augment.adapter.in.EvaluationSpecs;
import io.augment.adapter.in.grpc.v1.CancelEvaluationRunRequest;
import io.augment.adapter.in.grpc.v1.CreateEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.DeleteEvaluationRunRequest;
import io.augment.adapter.in.grpc.v1.DeleteEvaluationRunResponse;
import io.augment.adapter.in.grpc.v1.DeleteEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.DeleteEvaluationSetResponse;
import io.augment.adapter.in.grpc.v1.EvaluationReport;
import io.augment.adapter.in.grpc.v1.EvaluationRun;
import io.augment.adapter.in.grpc.v1.EvaluationSet;
import io.augment.adapter.in.grpc.v1.EvaluationSetDetail;
import io.augment.adapter.in.grpc.v1.GetEvaluationReportRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationResultsRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationRunRequest;
import io.augment.adapter.in.grpc.v1.GetEvaluationSetRequest;
import io.augment.adapter.in.grpc.v1.ListEvaluationRunsRequest;
import io.augment.adapter.in.grpc.v1.ListEvaluationRunsResponse;
import io.augment.adapter.in.grpc.v1.ListEvaluationSetsRequest;
import io.augment.adapter.in.grpc.v1.ListEvaluationSetsResponse;
import io.augment.adapter.in.grpc.v1.QuestionResult;
import io.augment.adapter.in.grpc.v1.StartEvaluationRunRequest;
import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.tenant.Workspace;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Evaluation sets and runs; the same rules and defaults as the REST API (shared readers in adapter.in). */
@GrpcService
@Blocking
public class EvaluationService implements io.augment.adapter.in.grpc.v1.Evaluations {
  private static final int DEFAULT_PAGE = 100;

  private final CurrentWorkspace current;
  private final ObjectMapper json;
  private final RequestLimit limit;

  public EvaluationService(CurrentWorkspace current, ObjectMapper json, RequestLimit limit) {
    this.current = current;
    this.json = json;
    this.limit = limit;
  }

  private EvaluationSets sets() {
    return current.get().evaluationSets();
  }

  private EvaluationRuns runs() {
    return current.get().evaluationRuns();
  }

  private EvaluationReports reports() {
    return current.get().evaluationReports();
  }

  @Override
  public Uni<EvaluationSet> createSet(CreateEvaluationSetRequest r) {
    limit.check(r);
    io.augment.domain.evaluation.EvaluationSet.checkName("name", r.getName());
    Limits.atMost("description", r.getDescription(), Limits.DESCRIPTION);
    boolean lines = !r.getJsonl().isEmpty();
    if (lines == r.getQuestionsCount() > 0) {
      throw new InvalidInputException("questions", "send either jsonl or questions, exactly one");
    }
    var set = lines
        ? sets().createFromLines(r.getName(), r.getDescription(), "jsonl", EvaluationJsonl.read("jsonl", r.getJsonl().toByteArray()))
        : sets().create(r.getName(), r.getDescription(), questions(r));
    return Uni.createFrom().item(EvaluationMessages.set(set));
  }

  private static List<EvaluationQuestion> questions(CreateEvaluationSetRequest r) {
    Limits.atMostItems("questions", r.getQuestionsList(), io.augment.domain.evaluation.EvaluationSet.MAX_QUESTIONS);
    List<EvaluationQuestion> questions = new ArrayList<>();
    for (int i = 0; i < r.getQuestionsCount(); i++) {
      var q = r.getQuestions(i);
      questions.add(new EvaluationQuestion(q.getQuestion(), q.getAnswersList(), q.getDocumentIdsList())
          .validated("questions[" + i + "]."));
    }
    return questions;
  }

  @Override
  public Uni<ListEvaluationSetsResponse> listSets(ListEvaluationSetsRequest r) {
    return Uni.createFrom().item(ListEvaluationSetsResponse.newBuilder()
        .addAllSets(sets().list().stream().map(EvaluationMessages::set).toList()).build());
  }

  @Override
  public Uni<EvaluationSetDetail> getSet(GetEvaluationSetRequest r) {
    int from = Limits.between("offset", r.getOffset(), 0, Integer.MAX_VALUE);
    int size = r.hasLimit() ? Limits.between("limit", r.getLimit(), 1, Limits.PAGE_SIZE) : DEFAULT_PAGE;
    var set = sets().get(r.getName());
    List<EvaluationQuestion> all = sets().questions(r.getName());
    List<EvaluationQuestion> page = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + size));
    return Uni.createFrom().item(EvaluationSetDetail.newBuilder().setSet(EvaluationMessages.set(set))
        .addAllQuestions(page.stream().map(EvaluationMessages::question).toList()).build());
  }

  @Override
  public Uni<DeleteEvaluationSetResponse> deleteSet(DeleteEvaluationSetRequest r) {
    sets().delete(r.getName());
    return Uni.createFrom().item(DeleteEvaluationSetResponse.getDefaultInstance());
  }

  @Override
  public Uni<EvaluationRun> startRun(StartEvaluationRunRequest r) {
    limit.check(r);
    var spec = EvaluationSpecs.of(r.getEvaluationSet(), r.getControlSet(), r.getContendersList(),
        r.hasTopK() ? r.getTopK() : null, r.hasMaxTokens() ? r.getMaxTokens() : null);
    Workspace workspace = current.get();
    return Uni.createFrom().item(EvaluationMessages.run(workspace.admitJob(() -> workspace.evaluationRuns().start(spec))));
  }

  @Override
  public Uni<EvaluationRun> getRun(GetEvaluationRunRequest r) {
    return Uni.createFrom().item(EvaluationMessages.run(runs().get(r.getId())));
  }

  @Override
  public Uni<ListEvaluationRunsResponse> listRuns(ListEvaluationRunsRequest r) {
    return Uni.createFrom().item(ListEvaluationRunsResponse.newBuilder()
        .addAllRuns(runs().list().stream().map(EvaluationMessages::run).toList()).build());
  }

  @Override
  public Uni<EvaluationRun> cancelRun(CancelEvaluationRunRequest r) {
    return Uni.createFrom().item(EvaluationMessages.run(runs().cancel(r.getId())));
  }

  @Override
  public Uni<DeleteEvaluationRunResponse> deleteRun(DeleteEvaluationRunRequest r) {
    runs().delete(r.getId());
    return Uni.createFrom().item(DeleteEvaluationRunResponse.getDefaultInstance());
  }

  /** Reads all results first, so an unknown run is NOT_FOUND before the first message. */
  @Override
  public Multi<QuestionResult> getResults(GetEvaluationResultsRequest r) {
    List<QuestionResult> results = runs().results(r.getId()).stream().map(EvaluationMessages::questionResult).toList();
    return Multi.createFrom().iterable(results);
  }

  @Override
  public Uni<EvaluationReport> getReport(GetEvaluationReportRequest r) {
    String format = r.getFormat().isBlank() ? "json" : r.getFormat().strip().toLowerCase(Locale.ROOT);
    if (!List.of("json", "markdown", "html").contains(format)) {
      throw new InvalidInputException("format", "must be json, markdown or html");
    }
    var run = runs().get(r.getId());
    EvaluationReport.Builder report = EvaluationReport.newBuilder().setFormat(format);
    switch (format) {
      case "markdown" -> report.setMediaType("text/markdown").setContent(reports().markdown(run, runs().results(run.id()), List.of()));
      case "html" -> report.setMediaType("text/html").setContent(reports().html(run, runs().results(run.id()), List.of()));
      default -> report.setMediaType("application/json").setContent(EvaluationReportJson.write(json, run));
    }
    return Uni.createFrom().item(report.build());
  }
}
