package io.augment.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import io.augment.adapter.in.grpc.v1.ContenderCost;
import io.augment.adapter.in.grpc.v1.ContenderResult;
import io.augment.adapter.in.grpc.v1.EvaluationQuestion;
import io.augment.adapter.in.grpc.v1.EvaluationRun;
import io.augment.adapter.in.grpc.v1.EvaluationSet;
import io.augment.adapter.in.grpc.v1.QuestionResult;
import io.augment.adapter.in.grpc.v1.Scores;
import io.augment.domain.evaluation.Contender;
import java.time.Instant;
import java.util.function.Consumer;

/** Evaluation response messages from the domain's records; null fields stay unset. */
final class EvaluationMessages {
  private EvaluationMessages() {}

  static EvaluationSet set(io.augment.domain.evaluation.EvaluationSet s) {
    return EvaluationSet.newBuilder().setName(s.name()).setDescription(s.description() == null ? "" : s.description())
        .setQuestionCount(s.questions()).setCreatedAt(timestamp(s.createdAt())).build();
  }

  static EvaluationQuestion question(io.augment.domain.evaluation.EvaluationQuestion q) {
    return EvaluationQuestion.newBuilder().setQuestion(q.question()).addAllAnswers(q.answers())
        .addAllDocumentIds(q.documentIds()).build();
  }

  static EvaluationRun run(io.augment.domain.evaluation.EvaluationRun r) {
    var spec = r.spec();
    EvaluationRun.Builder b = EvaluationRun.newBuilder().setId(r.id()).setEvaluationSet(spec.evaluationSet())
        .addAllContenders(spec.contenders().stream().map(Contender::label).toList()).setTopK(spec.topK())
        .setMaxTokens(spec.maxTokens()).setStatus(Messages.lower(r.status())).setProgress(Messages.progress(r.progress()))
        .addAllResults(r.results().stream().map(EvaluationMessages::result).toList());
    set(spec.controlSet(), b::setControlSet);
    set(r.error(), b::setError);
    if (r.createdAt() != null) {
      b.setCreatedAt(timestamp(r.createdAt()));
    }
    if (r.finishedAt() != null) {
      b.setFinishedAt(timestamp(r.finishedAt()));
    }
    return b.build();
  }

  static ContenderResult result(io.augment.domain.evaluation.ContenderResult c) {
    ContenderResult.Builder b = ContenderResult.newBuilder().setContender(c.contender());
    if (c.scores() != null) {
      b.setScores(scores(c.scores()));
    }
    if (c.control() != null) {
      b.setControl(scores(c.control()));
    }
    if (c.cost() != null) {
      b.setCost(cost(c.cost()));
    }
    return b.build();
  }

  static Scores scores(io.augment.domain.evaluation.Scores s) {
    Scores.Builder b = Scores.newBuilder().setQuestions(s.questions()).setExactMatch(s.exactMatch()).setF1(s.f1())
        .setContains(s.contains()).setLatencyP50Ms(s.latencyP50Ms()).setLatencyP95Ms(s.latencyP95Ms())
        .setTokensIn(s.tokensIn()).setTokensOut(s.tokensOut());
    set(s.recallAtK(), b::setRecallAtK);
    set(s.mrr(), b::setMrr);
    set(s.citesGold(), b::setCitesGold);
    return b.build();
  }

  static ContenderCost cost(io.augment.domain.evaluation.ContenderCost c) {
    ContenderCost.Builder b = ContenderCost.newBuilder();
    set(c.trainableParameters(), b::setTrainableParameters);
    set(c.totalParameters(), b::setTotalParameters);
    set(c.trainingSeconds(), b::setTrainingSeconds);
    set(c.trainingTokensPerSecond(), b::setTrainingTokensPerSecond);
    set(c.peakMemoryBytes(), b::setPeakMemoryBytes);
    set(c.artifactBytes(), b::setArtifactBytes);
    set(c.ingestMillis(), b::setIngestMillis);
    set(c.indexBytes(), b::setIndexBytes);
    set(c.chunks(), b::setChunks);
    return b.build();
  }

  static QuestionResult questionResult(io.augment.domain.evaluation.QuestionResult r) {
    QuestionResult.Builder b = QuestionResult.newBuilder().setSet(r.set()).setIndex(r.index()).setContender(r.contender())
        .setQuestion(r.question()).setAnswer(r.answer() == null ? "" : r.answer()).setExactMatch(r.exactMatch())
        .setF1(r.f1()).setContains(r.contains()).addAllRetrieved(r.retrieved()).setLatencyMs(r.latencyMs())
        .setTokensIn(r.tokensIn()).setTokensOut(r.tokensOut());
    set(r.recallAtK(), b::setRecallAtK);
    set(r.reciprocalRank(), b::setReciprocalRank);
    set(r.citedGold(), b::setCitedGold);
    set(r.error(), b::setError);
    return b.build();
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
