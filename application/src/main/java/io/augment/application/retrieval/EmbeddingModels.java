package io.augment.application.retrieval;

import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.retrieval.EmbeddingModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The embedding models this deployment can run, by id; guards each knowledge base's model. */
public final class EmbeddingModels {
  private final Map<String, EmbeddingModel> byId = new LinkedHashMap<>();
  private final String defaultId;

  public EmbeddingModels(List<EmbeddingModel> models, String defaultId) {
    models.forEach(m -> byId.put(m.spec().modelId(), m));
    if (!byId.containsKey(defaultId)) {
      throw new IllegalArgumentException("default embedding model '" + defaultId + "' is not among " + byId.keySet());
    }
    this.defaultId = defaultId;
  }

  public EmbeddingModel defaultModel() {
    return byId.get(defaultId);
  }

  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The model named at knowledge-base creation; null means the default. */
  public EmbeddingModel byId(String id) {
    if (id == null || id.isBlank()) {
      return defaultModel();
    }
    EmbeddingModel model = byId.get(id);
    if (model == null) {
      throw new InvalidInputException("embeddingModel", "unknown model '" + id + "'; available: " + ids());
    }
    return model;
  }

  /**
   * The model a knowledge base was built with. Refuses when it is not configured here or its
   * dimension changed: vectors from two models must never be mixed in one index.
   */
  public EmbeddingModel forKnowledgeBase(KnowledgeBase kb) {
    EmbeddingModel model = byId.get(kb.embedding().modelId());
    if (model == null) {
      throw new ConflictException("knowledge base '" + kb.name() + "' was built with embedding model '"
          + kb.embedding().modelId() + "', which is not configured here (configured: " + ids()
          + "); configure that model or re-create the knowledge base");
    }
    if (model.spec().dimension() != kb.embedding().dimension()) {
      throw new ConflictException("knowledge base '" + kb.name() + "' holds " + kb.embedding().dimension()
          + "-dimensional vectors but model '" + model.spec().modelId() + "' now gives "
          + model.spec().dimension());
    }
    return model;
  }
}
