package io.augment.application.retrieval;

import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fuses ranked lists by reciprocal rank; the fused score replaces each chunk's score. */
public final class ReciprocalRankFusion {
  private ReciprocalRankFusion() {}

  /** A ranked list and its weight. */
  public record Ranked(List<ScoredChunk> results, double weight) {}

  public static List<ScoredChunk> fuse(List<Ranked> lists, int k) {
    Map<String, ScoredChunk> chunks = new LinkedHashMap<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    for (Ranked list : lists) {
      int rank = 0;
      for (ScoredChunk hit : list.results()) {
        rank++;
        String id = hit.chunk().id();
        chunks.putIfAbsent(id, hit);
        scores.merge(id, list.weight() / (k + rank), Double::sum);
      }
    }
    List<ScoredChunk> fused = new ArrayList<>(chunks.size());
    chunks.forEach((id, hit) -> fused.add(new ScoredChunk(hit.chunk(), scores.get(id))));
    fused.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
    return fused;
  }
}
