package io.augment.adapter.in.grpc;

import io.augment.adapter.in.grpc.v1.KnowledgeInjectionJob;
import io.augment.adapter.in.grpc.v1.KnowledgeInjectionRow;
import io.augment.application.benchmark.KnowledgeInjectionResult;
import io.augment.application.job.Job;
import io.augment.domain.evaluation.ContenderResult;
import java.util.Locale;

/** Benchmark records to gRPC messages. */
final class BenchmarkMessages {
  private BenchmarkMessages() {}

  static KnowledgeInjectionJob job(Job<KnowledgeInjectionResult> j) {
    KnowledgeInjectionJob.Builder b = KnowledgeInjectionJob.newBuilder().setId(j.id())
        .setStatus(j.status().name().toLowerCase(Locale.ROOT)).setProgress(Messages.progress(j.progress()));
    if (j.error() != null) {
      b.setError(j.error());
    }
    KnowledgeInjectionResult r = j.result();
    if (r != null) {
      b.setBaseModel(r.baseModel().name()).setBaseModelReused(r.baseModel().reused())
          .setClosedBookA(r.quality().closedBookA()).setReadingA(r.quality().readingA())
          .setReadingB(r.quality().readingB()).setMeetsBars(r.quality().meetsBars())
          .setRagIngestOneMillis(r.oneMoreFact().ragIngestMillis()).setLoraOneSeconds(r.oneMoreFact().loraSeconds())
          .setFullOneSeconds(r.oneMoreFact().fullSeconds());
      r.run().results().forEach(c -> b.addResults(row(c)));
    }
    return b.build();
  }

  private static KnowledgeInjectionRow row(ContenderResult c) {
    KnowledgeInjectionRow.Builder b = KnowledgeInjectionRow.newBuilder().setContender(c.contender());
    if (c.scores() != null) {
      b.setExactMatch(c.scores().exactMatch()).setF1(c.scores().f1()).setContains(c.scores().contains());
    }
    if (c.control() != null) {
      b.setControlExactMatch(c.control().exactMatch());
    }
    return b.build();
  }
}
