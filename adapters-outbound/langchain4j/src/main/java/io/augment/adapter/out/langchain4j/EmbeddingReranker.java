package io.augment.adapter.out.langchain4j;

import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.Reranker;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-scores candidates by the cosine between the query and each candidate's text under a second,
 * stronger bi-encoder (by default bge-small-en-v1.5), optionally blended with the first-stage rank.
 *
 * <p>This is not a cross-encoder: query and passage are still embedded apart and never read
 * together, so it cannot weigh a passage's words against the question the way a cross-encoder
 * does. It is what runs here without a download (no cross-encoder is published as a Maven jar).
 * What it adds is a better model than the first stage's, applied only to the few candidates.
 *
 * <p>Scores: with {@code firstStageWeight} 0 the score is {@code (1 + cos) / 2}, as for dense
 * search. Otherwise the two orders are fused by reciprocal rank, {@code (1 - w) / (60 + rankHere)
 * + w / (60 + rankBefore)}, because first-stage scores (BM25, fused, cosine) share no scale with
 * the cosine here. Ties keep the first-stage order. Candidate vectors are cached by text.
 */
public final class EmbeddingReranker implements Reranker {
  /** The query instruction bge-small-en-v1.5 was trained with for short-query retrieval. */
  public static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

  /**
   * Weight of the first-stage rank chosen on the retrieval benchmark (docs/benchmarks/retrieval.md):
   * over hybrid candidates, cosine alone scored below the first stage, an even blend above it.
   */
  public static final double DEFAULT_FIRST_STAGE_WEIGHT = 0.5;

  private static final int RRF_K = 60;
  private static final int CACHE_SIZE = 20_000;

  private final EmbeddingModel model;
  private final String queryPrefix;
  private final double firstStageWeight;
  private final VectorCache cache;

  /**
   * @param queryPrefix      prepended to the query before embedding ("" for none)
   * @param firstStageWeight 0 (order by cosine alone) to 1 (keep the first-stage order)
   */
  public EmbeddingReranker(EmbeddingModel model, String queryPrefix, double firstStageWeight) {
    this(model, queryPrefix, firstStageWeight, new VectorCache(CACHE_SIZE));
  }

  private EmbeddingReranker(EmbeddingModel model, String queryPrefix, double firstStageWeight, VectorCache cache) {
    if (firstStageWeight < 0 || firstStageWeight > 1) {
      throw new IllegalArgumentException("firstStageWeight must be 0 to 1, was " + firstStageWeight);
    }
    this.model = Objects.requireNonNull(model, "model");
    this.queryPrefix = Objects.requireNonNull(queryPrefix, "queryPrefix");
    this.firstStageWeight = firstStageWeight;
    this.cache = cache;
  }

  /** The same model and vector cache with another blend. */
  public EmbeddingReranker withFirstStageWeight(double weight) {
    return new EmbeddingReranker(model, queryPrefix, weight, cache);
  }

  /** bge-small-en-v1.5 in this process with its query instruction. Loads ~130 MB: make one per process. */
  public static EmbeddingReranker bgeSmallEnV15(double firstStageWeight) {
    return new EmbeddingReranker(LangChain4jEmbeddingModel.bgeSmallEnV15(), BGE_QUERY_INSTRUCTION, firstStageWeight);
  }

  public static EmbeddingReranker bgeSmallEnV15() {
    return bgeSmallEnV15(DEFAULT_FIRST_STAGE_WEIGHT);
  }

  /** bge-small-en-v1.5 with int8 weights (~34 MB, faster on CPU) and its query instruction. */
  public static EmbeddingReranker bgeSmallEnV15Quantized(double firstStageWeight) {
    return new EmbeddingReranker(LangChain4jEmbeddingModel.bgeSmallEnV15Quantized(), BGE_QUERY_INSTRUCTION,
        firstStageWeight);
  }

  @Override
  public String id() {
    return "embedding:" + model.spec().modelId() + (firstStageWeight > 0 ? "+rank" + firstStageWeight : "");
  }

  @Override
  public List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int topK) {
    if (candidates.isEmpty() || topK <= 0) {
      return List.of();
    }
    float[] q = model.embed(queryPrefix + query);
    Map<String, float[]> vectors = vectorsOf(candidates);
    List<ScoredChunk> byCosine = new ArrayList<>(candidates.size());
    for (ScoredChunk c : candidates) {
      float[] v = vectors.get(c.chunk().text());
      byCosine.add(new ScoredChunk(c.chunk(), v == null ? 0 : (1 + dot(q, v)) / 2));
    }
    byCosine.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
    List<ScoredChunk> ranked = firstStageWeight > 0 ? blended(candidates, byCosine) : byCosine;
    return List.copyOf(ranked.subList(0, Math.min(topK, ranked.size())));
  }

  /** Vectors of the candidates' texts, embedding only those not cached; blank texts get none. */
  private Map<String, float[]> vectorsOf(List<ScoredChunk> candidates) {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (ScoredChunk c : candidates) {
      String text = c.chunk().text();
      if (text.isBlank() || vectors.containsKey(text)) {
        continue;
      }
      float[] cached = cache.get(text);
      vectors.put(text, cached);
      if (cached == null) {
        missing.add(text);
      }
    }
    List<float[]> embedded = model.embedAll(missing);
    for (int i = 0; i < missing.size(); i++) {
      cache.put(missing.get(i), embedded.get(i));
      vectors.put(missing.get(i), embedded.get(i));
    }
    return vectors;
  }

  private List<ScoredChunk> blended(List<ScoredChunk> firstStage, List<ScoredChunk> byCosine) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < firstStage.size(); i++) {
      scores.merge(firstStage.get(i).chunk().id(), firstStageWeight / (RRF_K + i + 1), Double::sum);
    }
    for (int i = 0; i < byCosine.size(); i++) {
      scores.merge(byCosine.get(i).chunk().id(), (1 - firstStageWeight) / (RRF_K + i + 1), Double::sum);
    }
    List<ScoredChunk> fused = new ArrayList<>(firstStage.size());
    for (ScoredChunk c : firstStage) {
      fused.add(new ScoredChunk(c.chunk(), scores.get(c.chunk().id())));
    }
    fused.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
    return fused;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}
