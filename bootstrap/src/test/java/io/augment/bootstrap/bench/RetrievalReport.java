package io.augment.bootstrap.bench;

import io.augment.application.retrieval.FusionWeights;
import io.augment.bootstrap.bench.RetrievalBenchmark.BenchmarkResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Markdown report; text below {@link #KEPT} in an existing report is written by hand and kept. */
final class RetrievalReport {
  static final String KEPT = "<!-- Written by hand below this line; the benchmark keeps it when it rewrites this file. -->";
  private static final String COMMAND =
      "./mvnw -q install -DskipTests && ./mvnw -q -pl bootstrap exec:java -Dexec.mainClass=io.augment.bootstrap.bench.RetrievalBenchmark";

  private RetrievalReport() {}

  static String write(BenchmarkResult result, Path out) throws IOException {
    String kept = Files.isRegularFile(out) ? Files.readString(out) : "";
    int at = kept.indexOf(KEPT);
    String report = markdown(result) + "\n## Reading\n\n" + (at < 0 ? KEPT + "\n" : kept.substring(at));
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    return report;
  }

  static String markdown(BenchmarkResult result) {
    FusionWeights w = result.tuning().weights();
    StringBuilder s = new StringBuilder("# Retrieval benchmark\n\n");
    s.append(f("Run on %s: %d cores (%s), Java %s, %s %s; load average at the start %s, at the end %s (the machine is "
        + "shared, so latencies are indicative). Reproduce: `%s` (or pass BEIR folders as `-Dexec.args=\"...\"`).%n%n",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), Machine.cpu(), System.getProperty("java.version"),
        System.getProperty("os.name"), System.getProperty("os.arch"), result.loadAtStart(), Machine.load(), COMMAND));
    s.append(f("First stage: all-MiniLM-L6-v2 (256 word pieces) in Lucene HNSW, and Lucene BM25 over the same chunks. "
        + "Each search asks %d chunks; results are scored per document (a document ranks where its first chunk does). "
        + "Hybrid = reciprocal rank fusion with k = %d, dense weight %s, BM25 weight %s, candidates %d (each first-stage list is that deep). "
        + "Multi-query adds the offline keyword rewrite (no generative model). Rerank: %s, a bi-encoder re-scoring the fused "
        + "candidates, not a cross-encoder. Latency is the whole `SearchKnowledgeBase.search` call, one query at a time.%n%n",
        ModeRun.TOP_K, w.k(), num(w.dense()), num(w.lexical()), result.tuning().depth(), result.reranker()));
    for (DatasetResult d : result.datasets()) {
      s.append(datasetSection(d));
    }
    return s.append(TuningSection.markdown(result)).toString();
  }

  private static String datasetSection(DatasetResult d) {
    StringBuilder s = new StringBuilder(f("## %s: %d documents, %d chunks, %d judged queries%n%n",
        d.name(), d.documents(), d.chunks(), d.run(BenchMode.BM25).queries()));
    s.append("| mode | nDCG@10 | recall@10 | recall@100 | MRR@10 | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (ModeRun r : d.runs()) {
      if (r.metrics() == null) {
        s.append(f("| %s | n/a (no generative model) | | | | | |%n", r.mode().label));
      } else {
        RetrievalMetrics m = r.metrics();
        s.append(f("| %s | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f |%n", r.mode().label, m.ndcg10(), m.recall10(),
            m.recall100(), m.mrr10(), r.p50Ms(), r.p99Ms()));
      }
    }
    double hybrid = d.run(BenchMode.HYBRID).metrics().ndcg10();
    double bar = Math.max(d.run(BenchMode.BM25).metrics().ndcg10(), d.run(BenchMode.DENSE).metrics().ndcg10());
    s.append(f("%nBar (hybrid nDCG@10 at least the better of bm25 and dense): %.3f vs %.3f, **%s**.%n", hybrid, bar,
        hybrid >= bar ? "met" : "not met"));
    String notes = d.runs().stream().flatMap(r -> r.notes().stream()).distinct().collect(Collectors.joining("; "));
    if (!notes.isEmpty()) {
      s.append("Notes from the search: ").append(notes).append(".\n");
    }
    return s.append(f("Ingest: %.1f s.%n%n", d.ingestS())).toString();
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String num(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }

  /** One value per dataset, joined with " / ". */
  static String perDataset(List<DatasetResult> datasets, Function<DatasetResult, Double> value) {
    return datasets.stream().map(d -> f("%.3f", value.apply(d))).collect(Collectors.joining(" / "));
  }
}
