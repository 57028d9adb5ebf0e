package io.augment.bootstrap.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A contender's measures recomputed by the test from its own per-question results (the JSONL or
 * the gRPC stream), to check that the report's numbers are exactly what its rows say. Written here
 * independently of the application's scoring: means, shares, nearest-rank latency percentiles over
 * the answers that did not fail.
 */
public record Recomputed(
    int questions, double exactMatch, double f1, double contains, Double recallAtK, Double mrr, Double citesGold,
    double latencyP50Ms, double latencyP95Ms, long tokensIn, long tokensOut) {

  /** One scored answer, read from whichever protocol carried it. */
  public record Row(
      double exactMatch, double f1, boolean contains, Double recallAtK, Double reciprocalRank, Boolean citedGold,
      double latencyMs, int tokensIn, int tokensOut, boolean failed) {}

  public static Recomputed of(List<Row> rows) {
    int n = rows.size();
    double[] latencies = rows.stream().filter(r -> !r.failed()).mapToDouble(Row::latencyMs).sorted().toArray();
    return new Recomputed(n, rows.stream().mapToDouble(Row::exactMatch).sum() / n,
        rows.stream().mapToDouble(Row::f1).sum() / n, rows.stream().filter(Row::contains).count() / (double) n,
        mean(rows, Row::recallAtK), mean(rows, Row::reciprocalRank),
        mean(rows, r -> r.citedGold() == null ? null : r.citedGold() ? 1.0 : 0.0),
        percentile(latencies, 0.50), percentile(latencies, 0.95),
        rows.stream().mapToLong(Row::tokensIn).sum(), rows.stream().mapToLong(Row::tokensOut).sum());
  }

  /** Asserts the report's measures (in the same order as this record's) equal these, to rounding. */
  public void assertMatches(String contender, int questions, double exactMatch, double f1, double contains, Double recallAtK,
      Double mrr, Double citesGold, double p50, double p95, long tokensIn, long tokensOut) {
    String as = contender + ": reported vs recomputed from its per-question results";
    assertThat(questions).as(as + " (questions)").isEqualTo(this.questions);
    assertThat(exactMatch).as(as + " (exactMatch)").isCloseTo(this.exactMatch, within(1e-9));
    assertThat(f1).as(as + " (f1)").isCloseTo(this.f1, within(1e-9));
    assertThat(contains).as(as + " (contains)").isCloseTo(this.contains, within(1e-9));
    close(as + " (recallAtK)", recallAtK, this.recallAtK);
    close(as + " (mrr)", mrr, this.mrr);
    close(as + " (citesGold)", citesGold, this.citesGold);
    assertThat(p50).as(as + " (latencyP50Ms)").isCloseTo(latencyP50Ms, within(1e-6));
    assertThat(p95).as(as + " (latencyP95Ms)").isCloseTo(latencyP95Ms, within(1e-6));
    assertThat(tokensIn).as(as + " (tokensIn)").isEqualTo(this.tokensIn);
    assertThat(tokensOut).as(as + " (tokensOut)").isEqualTo(this.tokensOut);
  }

  /** One contender's evaluation-set rows of a run's JSONL download, recomputed. */
  public static Recomputed ofJsonl(List<com.fasterxml.jackson.databind.JsonNode> rows, String contender) {
    return of(rows.stream().filter(r -> r.path("contender").asText().equals(contender))
        .filter(r -> r.path("set").asText().equals("evaluation"))
        .map(r -> new Row(r.path("exactMatch").asDouble(), r.path("f1").asDouble(), r.path("contains").asBoolean(),
            nullable(r.path("recallAtK")), nullable(r.path("reciprocalRank")),
            r.path("citedGold").isNull() ? null : r.path("citedGold").asBoolean(), r.path("latencyMs").asDouble(),
            r.path("tokensIn").asInt(), r.path("tokensOut").asInt(), r.path("error").isTextual()))
        .toList());
  }

  /** Asserts a report.json contender's {@code scores} object equals these measures. */
  public void assertMatches(String contender, com.fasterxml.jackson.databind.JsonNode s) {
    assertMatches(contender, s.path("questions").asInt(), s.path("exactMatch").asDouble(), s.path("f1").asDouble(),
        s.path("contains").asDouble(), nullable(s.path("recallAtK")), nullable(s.path("mrr")), nullable(s.path("citesGold")),
        s.path("latencyP50Ms").asDouble(), s.path("latencyP95Ms").asDouble(), s.path("tokensIn").asLong(),
        s.path("tokensOut").asLong());
  }

  private static Double nullable(com.fasterxml.jackson.databind.JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : node.asDouble();
  }

  private static void close(String as, Double reported, Double expected) {
    if (expected == null) {
      assertThat(reported).as(as).isNull();
    } else {
      assertThat(reported).as(as).isNotNull().isCloseTo(expected, within(1e-9));
    }
  }

  private static Double mean(List<Row> rows, Function<Row, Double> measure) {
    double[] values = rows.stream().map(measure).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    return values.length == 0 ? null : Arrays.stream(values).average().orElseThrow();
  }

  /** Nearest rank: the value at position ceil(p * n) of the sorted values. */
  private static double percentile(double[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.max(1, (int) Math.ceil(p * sorted.length)) - 1];
  }
}
