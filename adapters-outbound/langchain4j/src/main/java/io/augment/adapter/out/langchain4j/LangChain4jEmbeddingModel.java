package io.augment.adapter.out.langchain4j;

import io.augment.domain.retrieval.UnitVectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Any LangChain4j embedding model (in-process ONNX or a remote provider) behind our port. Vectors
 * the delegate returns un-normalised are scaled to length 1 here.
 */
public final class LangChain4jEmbeddingModel implements EmbeddingModel {

  /** sentence-transformers' {@code max_seq_length} for all-MiniLM-L6-v2 (its model card). */
  public static final int ALL_MINILM_MAX_SEQ_LENGTH = 256;

  /** bge-small-en-v1.5 was trained on inputs of up to 512 word pieces (its model card). */
  public static final int BGE_MAX_SEQ_LENGTH = 512;

  private final dev.langchain4j.model.embedding.EmbeddingModel delegate;
  private final EmbeddingSpec spec;
  private final TokenCounter tokenCounter;
  private final int specialTokens;

  public LangChain4jEmbeddingModel(
      dev.langchain4j.model.embedding.EmbeddingModel delegate,
      EmbeddingSpec spec,
      TokenCounter tokenCounter,
      int specialTokens) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
    this.specialTokens = specialTokens;
  }

  /** A model that adds no special tokens, e.g. a remote provider counted with its own tokenizer. */
  public LangChain4jEmbeddingModel(
      dev.langchain4j.model.embedding.EmbeddingModel delegate,
      String modelId,
      int dimension,
      int maxInputTokens,
      TokenCounter tokenCounter) {
    this(delegate, new EmbeddingSpec(modelId, dimension, maxInputTokens), tokenCounter, 0);
  }

  /**
   * all-MiniLM-L6-v2 run in this process, reading up to {@link #ALL_MINILM_MAX_SEQ_LENGTH} word
   * pieces. Loads ~90 MB and takes a second or two: make one per process.
   */
  public static LangChain4jEmbeddingModel allMiniLmL6V2() {
    return allMiniLmL6V2(ALL_MINILM_MAX_SEQ_LENGTH);
  }

  /**
   * all-MiniLM-L6-v2 reading up to {@code maxInputTokens} word pieces, [CLS] and [SEP] included
   * (3 to 512; LangChain4j's own jar ships it cut at 128).
   */
  public static LangChain4jEmbeddingModel allMiniLmL6V2(int maxInputTokens) {
    return BundledBertModel.ALL_MINILM_L6_V2.load(maxInputTokens);
  }

  /**
   * bge-small-en-v1.5 run in this process (384 dimensions, CLS pooling, up to 512 word pieces; ~130 MB
   * loaded). Stronger than all-MiniLM-L6-v2 at retrieval and about twice as slow (12 layers, not 6).
   * Its authors prefix short queries with {@link EmbeddingReranker#BGE_QUERY_INSTRUCTION}; this
   * port has no query/passage distinction, so as a knowledge base's model it embeds queries
   * without it (which the authors say still works, a little worse).
   */
  public static LangChain4jEmbeddingModel bgeSmallEnV15() {
    return BundledBertModel.BGE_SMALL_EN_V15.load(BGE_MAX_SEQ_LENGTH);
  }

  /** bge-small-en-v1.5 with int8 weights (~34 MB): faster on CPU, a little less exact. */
  public static LangChain4jEmbeddingModel bgeSmallEnV15Quantized() {
    return BundledBertModel.BGE_SMALL_EN_V15_Q.load(BGE_MAX_SEQ_LENGTH);
  }

  @Override
  public EmbeddingSpec spec() {
    return spec;
  }

  @Override
  public int countTokens(String text) {
    return tokenCounter.count(text);
  }

  @Override
  public int specialTokens() {
    return specialTokens;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null || text.isBlank()) {
        throw new InvalidInputException("text", "text " + i + " of the batch is blank; nothing to embed");
      }
      segments.add(TextSegment.from(text));
    }
    List<Embedding> embeddings = callDelegate(segments);
    if (embeddings.size() != texts.size()) {
      throw new IllegalStateException(spec.modelId() + " returned " + embeddings.size() + " vectors for "
          + texts.size() + " texts");
    }
    return embeddings.stream().map(e -> checked(e.vector())).toList();
  }

  private List<Embedding> callDelegate(List<TextSegment> segments) {
    try {
      return delegate.embedAll(segments).content();
    } catch (RuntimeException e) {
      throw new BackendUnavailableException("embedding model " + spec.modelId(), String.valueOf(e.getMessage()), e);
    }
  }

  private float[] checked(float[] vector) {
    if (vector.length != spec.dimension()) {
      throw new IllegalStateException(spec.modelId() + " returned a vector of " + vector.length
          + " floats; its spec says " + spec.dimension());
    }
    return UnitVectors.unitLength(vector);
  }
}
