package io.augment.adapter.out.langchain4j;

import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.retrieval.EmbeddingModel;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An in-process model whose spec is known in advance and whose weights load on the first call
 * that needs them, on the calling thread; later calls wait for that load. The loaded model's spec
 * must equal the declared one.
 */
public final class LazyEmbeddingModel implements EmbeddingModel {
  private final EmbeddingSpec spec;
  private final Supplier<? extends EmbeddingModel> loader;
  private volatile EmbeddingModel model;

  public LazyEmbeddingModel(EmbeddingSpec spec, Supplier<? extends EmbeddingModel> loader) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /** all-MiniLM-L6-v2 at {@link LangChain4jEmbeddingModel#ALL_MINILM_MAX_SEQ_LENGTH} word pieces. */
  public static LazyEmbeddingModel allMiniLmL6V2() {
    return new LazyEmbeddingModel(
        new EmbeddingSpec("all-minilm-l6-v2", 384, LangChain4jEmbeddingModel.ALL_MINILM_MAX_SEQ_LENGTH),
        LangChain4jEmbeddingModel::allMiniLmL6V2);
  }

  public boolean loaded() {
    return model != null;
  }

  /** Loads the model now if it is not loaded yet. */
  public EmbeddingModel load() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          m = loader.get();
          if (!m.spec().equals(spec)) {
            throw new IllegalStateException("loaded model has spec " + m.spec() + ", declared " + spec);
          }
          model = m;
        }
      }
    }
    return m;
  }

  @Override
  public EmbeddingSpec spec() {
    return spec;
  }

  @Override
  public int countTokens(String text) {
    return load().countTokens(text);
  }

  @Override
  public int specialTokens() {
    return load().specialTokens();
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return load().embedAll(texts);
  }
}
