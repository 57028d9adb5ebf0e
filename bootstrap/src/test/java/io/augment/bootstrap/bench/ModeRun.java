package io.augment.bootstrap.bench;

import io.augment.application.query.QueryCommand;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.query.SearchResult;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mode over every judged query of a dataset: mean metrics and search latency (the whole
 * {@code SearchKnowledgeBase.search} call). {@code metrics} is null when the mode could not run as
 * asked, e.g. HyDE without a generative model; {@code notes} then says why.
 */
public record ModeRun(BenchMode mode, RetrievalMetrics metrics, double p50Ms, double p99Ms, int queries, Set<String> notes) {
  /** Chunks asked of the search; results are scored per document, so fewer documents may come back. */
  static final int TOP_K = QueryCommand.MAX_TOP_K;

  static ModeRun run(SearchKnowledgeBase search, Beir data, BenchMode mode, int candidates) {
    List<RetrievalMetrics> scores = new ArrayList<>();
    List<Double> millis = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    for (Beir.Query q : data.queries()) {
      Map<String, Integer> judged = data.qrels().get(q.id());
      if (judged == null) {
        continue;
      }
      long t0 = System.nanoTime();
      SearchResult result = search.search(new QueryCommand(data.name(), q.text(), TOP_K, null, null, mode.options(candidates)));
      millis.add((System.nanoTime() - t0) / 1e6);
      notes.addAll(result.notes());
      if (mode == BenchMode.HYBRID_HYDE && notes.stream().anyMatch(n -> n.startsWith("hyde skipped"))) {
        return new ModeRun(mode, null, Double.NaN, Double.NaN, 0, notes);
      }
      scores.add(RetrievalMetrics.of(documents(result.chunks()), judged));
    }
    return new ModeRun(mode, RetrievalMetrics.mean(scores), percentile(millis, 50), percentile(millis, 99), scores.size(), notes);
  }

  /** Document ids in the order their first chunk appears. */
  static List<String> documents(List<ScoredChunk> chunks) {
    Set<String> docs = new LinkedHashSet<>();
    chunks.forEach(c -> docs.add(BeirIds.fromDocumentId(c.chunk().documentId())));
    return List.copyOf(docs);
  }

  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
