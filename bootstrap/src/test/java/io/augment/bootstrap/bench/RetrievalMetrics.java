package io.augment.bootstrap.bench;

import java.util.List;
import java.util.Map;

/**
 * Ranking quality of one query's ranked document ids against graded judgements (0 = not relevant),
 * as BEIR computes it: nDCG with linear gain {@code rel / log2(rank + 1)}, recall as the share of
 * relevant documents found, MRR from the first relevant document.
 */
public record RetrievalMetrics(double ndcg10, double recall10, double recall100, double mrr10) {

  static RetrievalMetrics of(List<String> ranked, Map<String, Integer> judged) {
    return new RetrievalMetrics(ndcg(ranked, judged, 10), recall(ranked, judged, 10), recall(ranked, judged, 100),
        mrr(ranked, judged, 10));
  }

  /** The mean of each metric. */
  static RetrievalMetrics mean(List<RetrievalMetrics> all) {
    int n = Math.max(1, all.size());
    return new RetrievalMetrics(
        all.stream().mapToDouble(RetrievalMetrics::ndcg10).sum() / n,
        all.stream().mapToDouble(RetrievalMetrics::recall10).sum() / n,
        all.stream().mapToDouble(RetrievalMetrics::recall100).sum() / n,
        all.stream().mapToDouble(RetrievalMetrics::mrr10).sum() / n);
  }

  static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += judged.getOrDefault(ranked.get(i), 0) / log2(i + 2);
    }
    List<Integer> ideal = judged.values().stream().filter(r -> r > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double recall(List<String> ranked, Map<String, Integer> judged, int k) {
    long relevant = judged.values().stream().filter(r -> r > 0).count();
    if (relevant == 0) {
      return 0;
    }
    long found = ranked.subList(0, Math.min(k, ranked.size())).stream().filter(d -> judged.getOrDefault(d, 0) > 0).count();
    return found / (double) relevant;
  }

  static double mrr(List<String> ranked, Map<String, Integer> judged, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (judged.getOrDefault(ranked.get(i), 0) > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
