package io.augment.bootstrap.bench;

import io.augment.adapter.out.langchain4j.EmbeddingReranker;
import io.augment.adapter.out.langchain4j.LangChain4jEmbeddingModel;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.retrieval.FusionWeights;
import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.Reranker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retrieval benchmark: BM25, dense, hybrid and its extensions (HyDE, multi-query, reranking)
 * on BEIR-format datasets, scored per document (nDCG@10, recall@10/100, MRR@10, latency). Tunes the
 * fusion on a sweep, then runs every mode through {@code SearchKnowledgeBase}. Prints a Markdown
 * report and writes it to docs/benchmarks/retrieval.md.
 *
 * <p>Run: {@code ./mvnw -q -pl bootstrap exec:java -Dexec.mainClass=io.augment.bootstrap.bench.RetrievalBenchmark}
 * (args: BEIR folders, default {@code ../shared/datasets/{xquad-en,cranfield}/derived}; with args the
 * report goes to target/benchmarks/retrieval.md, leaving the published one alone).
 */
public final class RetrievalBenchmark {

  private RetrievalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path project = RagBenchmark.projectRoot();
    Path datasets = project.resolveSibling("shared").resolve("datasets");
    List<Path> folders = new ArrayList<>();
    for (String arg : args) {
      folders.add(Path.of(arg));
    }
    if (folders.isEmpty()) {
      folders = List.of(datasets.resolve("xquad-en/derived"), datasets.resolve("cranfield/derived"));
    }
    List<Beir> data = new ArrayList<>();
    for (Path folder : folders) {
      if (Files.isRegularFile(folder.resolve("corpus.jsonl"))) {
        data.add(Beir.load(folder));
      } else {
        System.out.println("SKIPPED: " + folder + " is not a BEIR folder (no corpus.jsonl); the shared datasets are absent here");
      }
    }
    if (data.isEmpty()) {
      return;
    }
    EmbeddingModel model = LangChain4jEmbeddingModel.allMiniLmL6V2();
    model.embedAll(List.of("warm up the model", "and the tokenizer"));
    EmbeddingReranker bge = EmbeddingReranker.bgeSmallEnV15(0);
    Map<String, EmbeddingReranker> rerankers = new LinkedHashMap<>();
    rerankers.put("bge-small-en-v1.5, cosine only", bge);
    rerankers.put("bge-small-en-v1.5, blended with first-stage rank (w=0.25)", bge.withFirstStageWeight(0.25));
    rerankers.put("bge-small-en-v1.5, blended with first-stage rank (w=0.5)", bge.withFirstStageWeight(0.5));
    rerankers.put("bge-small-en-v1.5, blended with first-stage rank (w=0.75)", bge.withFirstStageWeight(0.75));
    rerankers.put("bge-small-en-v1.5-q (int8), cosine only", EmbeddingReranker.bgeSmallEnV15Quantized(0));
    Path work = Files.createTempDirectory("augment-retrieval-bench");
    try (RetrievalStack stack = new RetrievalStack(model, work)) {
      Path out = project.resolve(args.length == 0 ? "docs/benchmarks/retrieval.md" : "target/benchmarks/retrieval.md");
      System.out.println(RetrievalReport.write(run(stack, data, rerankers), out));
      System.out.println("written to " + out);
    }
  }

  /** Ingests, sweeps, chooses one setting for all datasets, then runs every mode with it. */
  static BenchmarkResult run(RetrievalStack stack, List<Beir> data, Map<String, EmbeddingReranker> rerankers) {
    String loadAtStart = Machine.load();
    List<Sweep> sweeps = new ArrayList<>();
    for (Beir d : data) {
      long t0 = System.nanoTime();
      long chunks = stack.ingest(d);
      double ingestS = (System.nanoTime() - t0) / 1e9;
      List<FusionSweep.Lists> lists = FusionSweep.collect(stack, d);
      sweeps.add(new Sweep(d, chunks, ingestS, lists, FusionSweep.grid(lists)));
      System.out.printf("%s: %d chunks ingested in %.1f s, sweep done%n", d.name(), chunks, ingestS);
    }
    Tuning tuning = new Tuning(sweeps.stream().map(Sweep::grid).toList(),
        sweeps.stream().map(s -> Math.max(FusionSweep.bm25(s.lists()).ndcg10(), FusionSweep.dense(s.lists()).ndcg10())).toList());
    List<Map<String, RetrievalMetrics>> reranked = new ArrayList<>();
    List<double[]> rerankSeconds = new ArrayList<>();
    for (Sweep s : sweeps) {
      Map<String, RetrievalMetrics> byVariant = new LinkedHashMap<>();
      double[] seconds = new double[2];
      for (var variant : rerankers.entrySet()) {
        long t0 = System.nanoTime();
        byVariant.put(variant.getKey(), FusionSweep.reranked(s.lists(), tuning.weights(), tuning.depth(), variant.getValue()));
        if (byVariant.size() <= 2) {
          seconds[byVariant.size() - 1] = (System.nanoTime() - t0) / 1e9;
        }
      }
      reranked.add(byVariant);
      rerankSeconds.add(seconds);
      System.out.printf("%s: reranker sweep done%n", s.data().name());
    }
    String best = rerankers.keySet().stream()
        .max((a, b) -> Double.compare(meanNdcg(reranked, a), meanNdcg(reranked, b))).orElseThrow();
    List<DatasetResult> results = new ArrayList<>();
    for (int i = 0; i < sweeps.size(); i++) {
      Sweep s = sweeps.get(i);
      SearchKnowledgeBase search = stack.search(tuning.weights(), rerankers.get(best));
      List<ModeRun> runs = new ArrayList<>();
      for (BenchMode mode : BenchMode.values()) {
        runs.add(ModeRun.run(search, s.data(), mode, tuning.depth()));
        System.out.printf("%s: %s done%n", s.data().name(), mode.label);
      }
      results.add(new DatasetResult(s.data().name(), s.data().corpus().size(), s.chunks(), s.ingestS(),
          FusionSweep.bm25(s.lists()), FusionSweep.dense(s.lists()), s.grid(), reranked.get(i),
          rerankSeconds.get(i)[0], rerankSeconds.get(i)[1], runs));
    }
    return new BenchmarkResult(results, tuning, best, loadAtStart);
  }

  /**
   * Every mode on the first {@code documents} documents of a BEIR folder and their questions, with the
   * shipped fusion defaults; for the slice test.
   */
  public static List<ModeRun> slice(Path folder, int documents, EmbeddingModel model, Reranker reranker, Path work)
      throws IOException {
    Beir data = Beir.load(folder).slice(documents);
    try (RetrievalStack stack = new RetrievalStack(model, work)) {
      stack.ingest(data);
      SearchKnowledgeBase search = stack.search(FusionWeights.DEFAULT, reranker);
      List<ModeRun> runs = new ArrayList<>();
      for (BenchMode mode : BenchMode.values()) {
        runs.add(ModeRun.run(search, data, mode, RetrievalOptions.DEFAULT.candidates()));
      }
      return runs;
    }
  }

  private static double meanNdcg(List<Map<String, RetrievalMetrics>> reranked, String variant) {
    return reranked.stream().mapToDouble(m -> m.get(variant).ndcg10()).average().orElse(0);
  }

  /** The datasets' results, the fusion setting chosen and the reranker variant chosen. */
  record BenchmarkResult(List<DatasetResult> datasets, Tuning tuning, String reranker, String loadAtStart) {}

  private record Sweep(Beir data, long chunks, double ingestS, List<FusionSweep.Lists> lists, List<FusionSweep.Row> grid) {}
}
