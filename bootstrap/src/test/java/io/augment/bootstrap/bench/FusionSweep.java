package io.augment.bootstrap.bench;

import io.augment.application.retrieval.FusionWeights;
import io.augment.application.retrieval.ReciprocalRankFusion;
import io.augment.application.retrieval.ReciprocalRankFusion.Ranked;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.Reranker;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tuning without re-running every search: each query's dense and BM25 lists are fetched once at
 * the deepest depth from the same ports {@code SearchKnowledgeBase} calls, then cut to each depth
 * and fused with the same {@link ReciprocalRankFusion}. Depth d stands for
 * {@code RetrievalOptions.candidates = d}; with 100 results asked, depths below 100 do not occur.
 */
final class FusionSweep {
  static final int[] RRF_KS = {5, 20, 60, 100};
  /** Dense weight; BM25's stays 1. */
  static final double[] DENSE_WEIGHTS = {0.5, 0.75, 1.0, 1.5, 2.0};
  static final int[] DEPTHS = {100, 200, 300};

  /** One judged query's first-stage lists. */
  record Lists(String query, Map<String, Integer> judged, List<ScoredChunk> dense, List<ScoredChunk> bm25) {}

  /** One setting's mean scores on one dataset. */
  record Row(FusionWeights weights, int depth, RetrievalMetrics metrics) {}

  private FusionSweep() {}

  static List<Lists> collect(RetrievalStack stack, Beir data) {
    int depth = DEPTHS[DEPTHS.length - 1];
    List<Lists> out = new ArrayList<>();
    for (Beir.Query q : data.queries()) {
      Map<String, Integer> judged = data.qrels().get(q.id());
      if (judged != null) {
        float[] vector = stack.model().embed(q.text());
        out.add(new Lists(q.text(), judged,
            stack.index().search(data.name(), vector, depth, MetadataFilter.ALL),
            stack.index().searchText(data.name(), q.text(), depth, MetadataFilter.ALL)));
      }
    }
    return out;
  }

  static List<Row> grid(List<Lists> lists) {
    List<Row> rows = new ArrayList<>();
    for (int depth : DEPTHS) {
      for (int k : RRF_KS) {
        for (double w : DENSE_WEIGHTS) {
          FusionWeights weights = new FusionWeights(w, 1.0, k);
          rows.add(new Row(weights, depth, score(lists, l -> fuse(l, weights, depth))));
        }
      }
    }
    return rows;
  }

  static RetrievalMetrics dense(List<Lists> lists) {
    return score(lists, l -> cut(l.dense(), ModeRun.TOP_K));
  }

  static RetrievalMetrics bm25(List<Lists> lists) {
    return score(lists, l -> cut(l.bm25(), ModeRun.TOP_K));
  }

  /** The fused candidates reranked as {@code SearchKnowledgeBase} does (the reranker keeps the top 100). */
  static RetrievalMetrics reranked(List<Lists> lists, FusionWeights weights, int depth, Reranker reranker) {
    return score(lists, l -> reranker.rerank(l.query(), fuse(l, weights, depth), ModeRun.TOP_K));
  }

  static List<ScoredChunk> fuse(Lists l, FusionWeights weights, int depth) {
    return ReciprocalRankFusion.fuse(List.of(new Ranked(cut(l.dense(), depth), weights.dense()),
        new Ranked(cut(l.bm25(), depth), weights.lexical())), weights.k());
  }

  private static RetrievalMetrics score(List<Lists> lists, Function<Lists, List<ScoredChunk>> ranking) {
    List<RetrievalMetrics> all = new ArrayList<>(lists.size());
    for (Lists l : lists) {
      all.add(RetrievalMetrics.of(ModeRun.documents(cut(ranking.apply(l), ModeRun.TOP_K)), l.judged()));
    }
    return RetrievalMetrics.mean(all);
  }

  private static List<ScoredChunk> cut(List<ScoredChunk> list, int n) {
    return list.size() > n ? list.subList(0, n) : list;
  }
}
