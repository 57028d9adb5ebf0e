package io.augment.bootstrap.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything measured on one dataset.
 *
 * @param rerankers    per reranker variant, its nDCG@10 etc. over the chosen fusion's candidates
 * @param rerankColdS  seconds of the first reranking pass (every candidate embedded), then a warm pass
 */
record DatasetResult(
    String name, int documents, long chunks, double ingestS, RetrievalMetrics bm25, RetrievalMetrics dense,
    List<FusionSweep.Row> grid, Map<String, RetrievalMetrics> rerankers, double rerankColdS, double rerankWarmS,
    List<ModeRun> runs) {

  double bar() {
    return Math.max(bm25.ndcg10(), dense.ndcg10());
  }

  ModeRun run(BenchMode mode) {
    return runs.stream().filter(r -> r.mode() == mode).findFirst().orElseThrow();
  }
}
