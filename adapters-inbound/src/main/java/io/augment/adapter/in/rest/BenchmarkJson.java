package io.augment.adapter.in.rest;

import io.augment.adapter.in.rest.Dtos.ProgressJson;
import io.augment.application.benchmark.BaseModelQuality;
import io.augment.application.benchmark.KnowledgeInjectionResult;
import io.augment.application.job.Job;
import io.augment.domain.evaluation.ContenderResult;
import java.time.Instant;
import java.util.List;

/** JSON of the knowledge-injection benchmark API. */
final class BenchmarkJson {
  private BenchmarkJson() {}

  /** {@code POST} body: the preset size ({@code default}, {@code small}, {@code tiny}), default {@code default}. */
  record StartInput(String size) {}

  record Row(String contender, Double exactMatch, Double f1, Double contains, Double controlExactMatch) {
    static Row of(ContenderResult c) {
      return new Row(c.contender(), c.scores() == null ? null : c.scores().exactMatch(),
          c.scores() == null ? null : c.scores().f1(), c.scores() == null ? null : c.scores().contains(),
          c.control() == null ? null : c.control().exactMatch());
    }
  }

  record Summary(String baseModel, boolean baseModelReused, BaseModelQuality.Result quality, boolean meetsBars,
      String knowledgeBase, double ingestMillis, String evaluationRun, List<Row> results,
      KnowledgeInjectionResult.OneMoreFact oneMoreFact, double seconds) {
    static Summary of(KnowledgeInjectionResult r) {
      return new Summary(r.baseModel().name(), r.baseModel().reused(), r.quality(), r.quality().meetsBars(),
          r.knowledgeBase(), r.ingestMillis(), r.run().id(), r.run().results().stream().map(Row::of).toList(),
          r.oneMoreFact(), r.seconds());
    }
  }

  record JobJson(String id, String status, ProgressJson progress, Summary summary, String error, Instant submittedAt,
      Instant finishedAt) {
    static JobJson of(Job<KnowledgeInjectionResult> j) {
      return new JobJson(j.id(), j.status().name().toLowerCase(java.util.Locale.ROOT), ProgressJson.of(j.progress()),
          j.result() == null ? null : Summary.of(j.result()), j.error(), j.submittedAt(), j.finishedAt());
    }
  }
}
