package io.augment.application.evaluation.report;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.evaluation.Scores;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs and per-question results for the report tests. The realistic run's scores are computed
 * from its simulated per-question answers, as the evaluation job would.
 */
final class ReportFixtures {
  static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant FINISHED = STARTED.plusSeconds(754);
  static final String BASE = "adapter:tiny-base";
  static final String LORA = "adapter:handbook-lora";
  static final String FULL = "adapter:handbook-full";
  static final String RAG = "rag:handbook";
  static final String RAG_LORA = "rag:handbook+adapter:handbook-lora";
  static final String EXTRACTIVE = "rag:handbook@extractive";
  static final String GENERATOR = "generator:openai-compatible-remote-model-with-a-very-long-identifier-v2";
  static final Map<String, String> BASE_MODELS = Map.of(
      "handbook-lora", "tiny-base", "handbook-full", "tiny-base", "tiny-base", "tiny-base");
  static final String HOSTILE = "<script>alert('x')</script> | pipe & \"quote\"\nnew line ** _u_ `c` [l](javascript:alert(1))";
  static final int QUESTIONS = 80;
  static final int CONTROL_QUESTIONS = 20;

  private ReportFixtures() {}

  /** How well each simulated contender answers: exact-match rate on the set and on the control set. */
  private record Skill(String label, double em, double controlEm, double latencyMs, boolean rag, ContenderCost cost) {}

  private static final List<Skill> SKILLS = List.of(
      new Skill(BASE, 0.05, 0.60, 38, false, new ContenderCost(0L, 1_183_000L, 412.5, 31_250.0, 612L << 20, 4_732_000L, null, null, null)),
      new Skill(LORA, 0.35, 0.55, 41, false, new ContenderCost(22_528L, 1_205_528L, 96.2, 28_400.0, 540L << 20, 90_112L, null, null, null)),
      new Skill(FULL, 0.55, 0.30, 39, false, new ContenderCost(1_183_000L, 1_183_000L, 388.0, 24_900.0, 1_380L << 20, 4_732_000L, null, null, null)),
      new Skill(RAG, 0.70, -1, 120, true, new ContenderCost(0L, 1_183_000L, null, null, null, null, 8_420L, 3_276_800L, 412L)),
      new Skill(RAG_LORA, 0.74, 0.56, 131, true, new ContenderCost(22_528L, 1_205_528L, 96.2, 28_400.0, 540L << 20, 90_112L, 8_420L, 3_276_800L, 412L)),
      new Skill(EXTRACTIVE, 0.62, -1, 22, true, new ContenderCost(0L, null, null, null, null, null, 8_420L, 3_276_800L, 412L)),
      new Skill(GENERATOR, 0.48, -1, 850, false, ContenderCost.UNKNOWN));

  static EvaluationReports reports() {
    return EvaluationReports.withBaseModels(BASE_MODELS);
  }

  /** Simulated answers of seven contenders to 80 questions and 20 control questions, seeded. */
  static List<QuestionResult> realisticResults() {
    Random random = new Random(20261201);
    List<QuestionResult> out = new ArrayList<>();
    for (int q = 0; q < QUESTIONS; q++) {
      for (Skill s : SKILLS) {
        out.add(answer(random, QuestionResult.EVALUATION, q, s, s.em()));
      }
    }
    for (int q = 0; q < CONTROL_QUESTIONS; q++) {
      for (Skill s : SKILLS) {
        if (s.controlEm() >= 0) {
          out.add(answer(random, QuestionResult.CONTROL, q, s, s.controlEm()));
        }
      }
    }
    return out;
  }

  private static QuestionResult answer(Random random, String set, int q, Skill s, double rate) {
    boolean right = random.nextDouble() < rate;
    double f1 = right ? 1 : Math.round(random.nextDouble() * 0.8 * 1000) / 1000.0;
    boolean rag = s.rag() && set.equals(QuestionResult.EVALUATION);
    int rank = rag ? 1 + random.nextInt(8) : 0;
    List<String> retrieved = rag ? List.of("doc-" + q, "doc-" + (q + 1)) : List.of();
    String question = set.equals(QuestionResult.CONTROL) ? "Control question " + q + ": what is " + q + " plus " + q + "?"
        : "What does section " + q + " of the handbook say about leave requests?";
    return new QuestionResult(set, q, s.label(), question, right ? "twenty days" : "about " + (10 + random.nextInt(20)) + " days",
        right ? 1 : 0, f1, right || random.nextBoolean(), retrieved, rag ? (rank <= 5 ? 1.0 : 0.0) : null,
        rag ? (rank <= 5 ? 1.0 / rank : 0.0) : null, rag ? random.nextBoolean() : null,
        s.latencyMs() * (0.6 + random.nextDouble() * 0.9), 40 + random.nextInt(300), 3 + random.nextInt(20), null);
  }

  /** The realistic run, its scores computed from {@link #realisticResults()}. */
  static EvaluationRun realisticRun() {
    List<QuestionResult> results = realisticResults();
    List<ContenderResult> contenders = new ArrayList<>();
    for (Skill s : SKILLS) {
      Scores control = s.controlEm() >= 0 ? scoresOf(results, QuestionResult.CONTROL, s.label()) : null;
      contenders.add(new ContenderResult(s.label(), scoresOf(results, QuestionResult.EVALUATION, s.label()), control, s.cost()));
    }
    return run("run-7f3a", "handbook-qa", "general-knowledge", contenders, JobStatus.SUCCEEDED, FINISHED);
  }

  static EvaluationRun run(String id, String set, String controlSet, List<ContenderResult> results, JobStatus status, Instant finished) {
    List<Contender> contenders = results.stream().map(r -> Contender.parse("contenders", r.contender())).toList();
    long total = (long) QUESTIONS * results.size();
    Progress progress = status.finished() ? new Progress(total, total, "answers", total / 754.0, Duration.ZERO)
        : Progress.of(total / 2, total, "answers", Duration.ofSeconds(300));
    return new EvaluationRun(id, new EvaluationRunSpec(set, controlSet, contenders, 5, 64), status, progress, results,
        null, STARTED, finished);
  }

  /** A finished run of the given contenders, without a control set. */
  static EvaluationRun run(ContenderResult... results) {
    return run("run-1", "qa", null, Arrays.asList(results), JobStatus.SUCCEEDED, FINISHED);
  }

  static ContenderResult result(String label, Scores scores, Scores control, ContenderCost cost) {
    return new ContenderResult(label, scores, control, cost);
  }

  static Scores scores(double em, double f1) {
    return new Scores(10, em, f1, Math.min(1, em + 0.1), null, null, null, 50, 90, 1200, 80);
  }

  static Scores ragScores(double em, double f1, double recall, double mrr, double cites) {
    return new Scores(10, em, f1, Math.min(1, em + 0.1), recall, mrr, cites, 120, 300, 5400, 90);
  }

  /** Aggregates one contender's per-question results on one set, as the evaluation job does. */
  static Scores scoresOf(List<QuestionResult> all, String set, String contender) {
    List<QuestionResult> rs = all.stream().filter(r -> r.set().equals(set) && r.contender().equals(contender)).toList();
    double[] latencies = rs.stream().mapToDouble(QuestionResult::latencyMs).sorted().toArray();
    return new Scores(rs.size(), mean(rs.stream().mapToDouble(QuestionResult::exactMatch).toArray()),
        mean(rs.stream().mapToDouble(QuestionResult::f1).toArray()),
        mean(rs.stream().mapToDouble(r -> r.contains() ? 1 : 0).toArray()),
        meanOrNull(rs.stream().filter(r -> r.recallAtK() != null).mapToDouble(QuestionResult::recallAtK).toArray()),
        meanOrNull(rs.stream().filter(r -> r.reciprocalRank() != null).mapToDouble(QuestionResult::reciprocalRank).toArray()),
        meanOrNull(rs.stream().filter(r -> r.citedGold() != null).mapToDouble(r -> r.citedGold() ? 1 : 0).toArray()),
        rank(latencies, 0.50), rank(latencies, 0.95),
        rs.stream().mapToLong(QuestionResult::tokensIn).sum(), rs.stream().mapToLong(QuestionResult::tokensOut).sum());
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(0);
  }

  private static Double meanOrNull(double[] v) {
    return v.length == 0 ? null : mean(v);
  }

  private static double rank(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** A section as the knowledge-injection benchmark writes one, with hostile text inside. */
  static ReportSection benchmarkSection() {
    return new ReportSection("Knowledge injection <b>benchmark</b>", """
        The seeded world holds **120 facts**; each contender was asked about every one of them.
        Facts are invented, so the base model cannot know them.

        | method | facts recalled | note |
        |---|---|---|
        | RAG | 0.712 | `rag:handbook` |
        | LoRA | 0.350 | %s |

        - RAG recalls the most facts.
        - Full fine-tuning forgets the most: control F1 falls.
          It keeps the facts it was trained on.
        - %s
        """.formatted(ReportSection.escape(HOSTILE), ReportSection.escape(HOSTILE)));
  }
}
