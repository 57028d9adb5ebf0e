package io.augment.domain.evaluation;

import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Evaluation sets, runs and results with plausible values, for the evaluation repository suites. */
public final class EvaluationFixtures {
  /** Millisecond precision, so it survives every store's timestamp column unchanged. */
  public static final Instant CREATED_AT = Instant.parse("2024-06-01T09:00:00.250Z");

  public static final Instant FINISHED_AT = Instant.parse("2024-06-01T09:12:41.875Z");

  private EvaluationFixtures() {}

  /** A set or run name no other test uses, even across reruns against a shared database. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static EvaluationSet set(String name, int questions) {
    return new EvaluationSet(name, "Questions about " + name, questions, CREATED_AT);
  }

  /** {@code count} questions: two answers each, gold documents on every other one. */
  public static List<EvaluationQuestion> questions(int count) {
    List<EvaluationQuestion> questions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> gold = i % 2 == 0 ? List.of("doc-" + i, "doc-" + (i + 1)) : List.of();
      questions.add(new EvaluationQuestion("Question " + i + "?", List.of("answer " + i, "alt " + i), gold));
    }
    return questions;
  }

  public static EvaluationRunSpec spec(String evaluationSet, String controlSet) {
    return new EvaluationRunSpec(evaluationSet, controlSet, List.of(
        Contender.parse("contenders[0]", "rag:handbook"),
        Contender.parse("contenders[1]", "rag:handbook@extractive"),
        Contender.parse("contenders[2]", "rag:handbook+adapter:lora-1"),
        Contender.parse("contenders[3]", "adapter:lora-1"),
        Contender.parse("contenders[4]", "generator:echo")), 7, 128);
  }

  /** A queued run of {@code spec} with no results yet. */
  public static EvaluationRun queued(String id, EvaluationRunSpec spec, Instant createdAt) {
    return new EvaluationRun(
        id, spec, JobStatus.QUEUED, new Progress(0, 0, "answers", 0, null), List.of(), null, createdAt, null);
  }

  public static Scores scores(int questions, Double recall) {
    return new Scores(questions, 0.25, 0.6180339887, 0.5, recall, recall == null ? null : 0.75, recall == null ? null : 1.0,
        12.5, 97.03125, 10_000_000_000L, 4_321L);
  }

  /** A finished run of {@code spec}: one result per contender, mixing recorded and unrecorded fields. */
  public static EvaluationRun finished(String id, EvaluationRunSpec spec) {
    List<ContenderResult> results = new ArrayList<>();
    for (Contender contender : spec.contenders()) {
      ContenderCost cost = contender.rag()
          ? new ContenderCost(0L, 124_000_000L, null, null, null, null, 5_432L, 1_048_576L, 2_070L)
          : new ContenderCost(294_912L, 15_000_000L, 61.5, 28_123.75, 2_147_483_648L, 1_179_648L, null, null, null);
      Scores control = contender.adapter() != null && !contender.rag() ? scores(3, null) : null;
      results.add(new ContenderResult(contender.label(), scores(20, contender.rag() ? 0.5 : null), control, cost));
    }
    Progress progress = new Progress(115, 115, "answers", 9.333333333333334, Duration.ZERO);
    return new EvaluationRun(id, spec, JobStatus.SUCCEEDED, progress, results, null, CREATED_AT, FINISHED_AT);
  }

  /** The result of {@code contender} on question {@code index} of {@code set}, answered {@code answer}. */
  public static QuestionResult result(String set, int index, String contender, String answer) {
    boolean rag = contender.startsWith("rag:");
    return new QuestionResult(
        set, index, contender, "Question " + index + "?", answer, 1, 0.8571428571428571, true,
        rag ? List.of("doc-" + index, "doc-9", "guide.md#2") : List.of(), rag ? 0.5 : null, rag ? 1.0 / 3 : null,
        rag ? Boolean.FALSE : null, 42.125, 380, 17, null);
  }
}
