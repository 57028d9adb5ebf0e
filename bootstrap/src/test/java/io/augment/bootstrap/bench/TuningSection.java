package io.augment.bootstrap.bench;

import static io.augment.bootstrap.bench.RetrievalReport.f;
import static io.augment.bootstrap.bench.RetrievalReport.num;
import static io.augment.bootstrap.bench.RetrievalReport.perDataset;

import io.augment.application.retrieval.FusionWeights;
import io.augment.bootstrap.bench.RetrievalBenchmark.BenchmarkResult;
import java.util.List;
import java.util.stream.Collectors;

/** The report's account of the sweep: every setting measured and the one chosen. */
final class TuningSection {
  private TuningSection() {}

  static String markdown(BenchmarkResult result) {
    List<DatasetResult> ds = result.datasets();
    FusionWeights chosen = result.tuning().weights();
    int depth = result.tuning().depth();
    String names = ds.stream().map(DatasetResult::name).collect(Collectors.joining(" / "));
    StringBuilder s = new StringBuilder("## Tuning\n\n");
    s.append("The sweep runs on the same queries as the tables above (there is no held-out split), over a small grid, and one "
        + "setting serves every dataset. Rule: the highest mean nDCG@10 among settings where hybrid scores at least the better "
        + "of bm25 and dense on every dataset (else the one that misses by least). Fused offline from the same first-stage "
        + "lists with the use case's `ReciprocalRankFusion`. Cells: nDCG@10 on " + names + ".\n\n");
    s.append(f("Single lists: bm25 %s, dense %s. Shipped default: k 60, weights 1 / 1, candidates 50 (depth 100 when 100 results are asked).%n%n",
        perDataset(ds, d -> d.bm25().ndcg10()), perDataset(ds, d -> d.dense().ndcg10())));
    s.append(f("### RRF k and dense weight (BM25 weight 1), candidates %d%n%n| k \\ dense weight |", depth));
    for (double w : FusionSweep.DENSE_WEIGHTS) {
      s.append(' ').append(num(w)).append(" |");
    }
    s.append("\n|---|").append("---:|".repeat(FusionSweep.DENSE_WEIGHTS.length)).append('\n');
    for (int k : FusionSweep.RRF_KS) {
      s.append("| ").append(k).append(" |");
      for (double w : FusionSweep.DENSE_WEIGHTS) {
        String cell = perDataset(ds, d -> row(d, depth, k, w).metrics().ndcg10());
        boolean isChosen = k == chosen.k() && w == chosen.dense();
        s.append(' ').append(isChosen ? "**" + cell + "**" : cell).append(" |");
      }
      s.append('\n');
    }
    s.append(f("%n### Candidates (k %d, dense weight %s)%n%n| candidates | nDCG@10 | recall@100 |%n|---:|---:|---:|%n",
        chosen.k(), num(chosen.dense())));
    for (int dep : FusionSweep.DEPTHS) {
      s.append(f("| %d | %s | %s |%n", dep, perDataset(ds, d -> row(d, dep, chosen.k(), chosen.dense()).metrics().ndcg10()),
          perDataset(ds, d -> row(d, dep, chosen.k(), chosen.dense()).metrics().recall100())));
    }
    s.append("\n### Reranker over the chosen hybrid candidates\n\n| reranker | nDCG@10 | recall@10 | MRR@10 |\n|---|---:|---:|---:|\n");
    for (String variant : ds.get(0).rerankers().keySet()) {
      String label = variant.equals(result.reranker()) ? "**" + variant + "** (chosen)" : variant;
      s.append(f("| %s | %s | %s | %s |%n", label, perDataset(ds, d -> d.rerankers().get(variant).ndcg10()),
          perDataset(ds, d -> d.rerankers().get(variant).recall10()), perDataset(ds, d -> d.rerankers().get(variant).mrr10())));
    }
    s.append("\nReranking cost: the first pass over a dataset embeds every candidate with bge-small-en-v1.5, later passes "
        + "find their vectors in the reranker's cache (the mode table above ran warm):\n\n");
    for (DatasetResult d : ds) {
      s.append(f("- %s: first pass %.1f s, cached pass %.1f s, for %d queries%n", d.name(), d.rerankColdS(), d.rerankWarmS(),
          d.run(BenchMode.BM25).queries()));
    }
    return s.toString();
  }

  private static FusionSweep.Row row(DatasetResult d, int depth, int k, double w) {
    return d.grid().stream()
        .filter(r -> r.depth() == depth && r.weights().k() == k && r.weights().dense() == w)
        .findFirst().orElseThrow();
  }
}
