package io.augment.adapter.in.openai;

import io.augment.adapter.in.CurrentWorkspace;
import io.augment.application.generation.Generators;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.application.adaptation.ManageModels;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.NotImplementedException;
import io.augment.domain.retrieval.EmbeddingModel;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model names the OpenAI API serves to the calling tenant: each generator ({@code Generator#id()}, the configured one
 * first),
 * {@code rag:<kb>} per knowledge base, {@code adapter:<name>} per model or adapter the tenant's trainer
 * made ({@link ManageModels}; none on a server without a trainer), and each embedding model's id.
 */
@Singleton
public class ModelCatalog {
  static final String RAG = "rag:";
  static final String ADAPTER = ManageModels.PREFIX;

  private final CurrentWorkspace current;
  private final EmbeddingModels embeddings;
  private final long started = Instant.now().getEpochSecond();

  public ModelCatalog(CurrentWorkspace current, EmbeddingModels embeddings) {
    this.current = current;
    this.embeddings = embeddings;
  }

  private Generators generators() {
    return current.get().generators();
  }

  private ManageKnowledgeBases knowledgeBases() {
    return current.get().knowledgeBases();
  }

  /** Every model, base first, then knowledge bases, adapters and embedding models. */
  List<ModelJson> list() {
    List<ModelJson> models = new ArrayList<>();
    generators().ids().forEach(id -> models.add(ModelJson.of(id, started)));
    knowledgeBases().list().forEach(v -> models.add(rag(v.knowledgeBase())));
    trained().forEach(a -> models.add(ModelJson.of(ADAPTER + a.name(), started)));
    embeddings.ids().forEach(id -> models.add(ModelJson.of(id, started)));
    return models;
  }

  /**
   * One model by id: those {@link #list()} lists, and also the base models fine-tuning starts from
   * (the trainer's default, e.g. {@code scratch}, and trained models by their bare name), which are
   * not listed since they do not chat; a remote trainer checks its base model here.
   */
  Optional<ModelJson> find(String id) {
    if (id.startsWith(RAG) || id.startsWith(ADAPTER) || generators().find(id).isPresent()) {
      try {
        ChatTarget target = chat(id);
        return Optional.of(target.rag() ? rag(knowledgeBases().require(target.knowledgeBase())) : ModelJson.of(id, started));
      } catch (OpenAiException | NotFoundException e) {
        return Optional.empty();
      }
    }
    if (embeddings.ids().contains(id) || fineTunable(id)) {
      return Optional.of(ModelJson.of(id, started));
    }
    return Optional.empty();
  }

  /** Deletes the trained model {@code adapter:<name>}; 404 {@code model_not_found} for any other id. */
  void delete(String id) {
    if (id == null || !id.startsWith(ADAPTER) || trainedModel(id.substring(ADAPTER.length())).isEmpty()) {
      throw OpenAiException.modelNotFound(id, "only fine-tuned models (adapter:<name>) can be deleted");
    }
    current.get().models().delete(id.substring(ADAPTER.length()));
  }

  private boolean fineTunable(String id) {
    try {
      return id.equals(current.get().fineTuning().defaults().baseModel()) || trainedModel(id).isPresent();
    } catch (NotImplementedException e) {
      return false;
    }
  }

  /** @throws OpenAiException 404 {@code model_not_found} unless {@code model} names a chat model */
  ChatTarget chat(String model) {
    if (model == null || model.isBlank()) {
      throw OpenAiException.invalid("model", "you must provide a model parameter");
    }
    if (generators().find(model).isPresent()) {
      return new ChatTarget(model, null, null);
    }
    if (model.startsWith(RAG)) {
      String kb = model.substring(RAG.length());
      try {
        knowledgeBases().require(kb);
      } catch (NotFoundException e) {
        throw OpenAiException.modelNotFound(model, "no knowledge base '" + kb + "'");
      }
      return new ChatTarget(model, kb, null);
    }
    if (model.startsWith(ADAPTER)) {
      String name = model.substring(ADAPTER.length());
      if (trainedModel(name).isEmpty()) {
        throw OpenAiException.modelNotFound(model, "no fine-tuned adapter '" + name + "'");
      }
      return new ChatTarget(model, null, name);
    }
    String why = embeddings.ids().contains(model) ? "it is an embedding model; use /v1/embeddings" : null;
    throw OpenAiException.modelNotFound(model, why);
  }

  /** The embedding model named {@code model}; null or blank means the default one. */
  EmbeddingModel embedding(String model) {
    if (model == null || model.isBlank()) {
      return embeddings.defaultModel();
    }
    if (!embeddings.ids().contains(model)) {
      throw OpenAiException.modelNotFound(model, "embedding models here: " + embeddings.ids());
    }
    return embeddings.byId(model);
  }

  /** The trained models; none where the server has no trainer (listing models must not fail for it). */
  private List<Adapter> trained() {
    try {
      return current.get().models().list();
    } catch (NotImplementedException e) {
      return List.of();
    }
  }

  private Optional<Adapter> trainedModel(String name) {
    try {
      return current.get().models().find(name);
    } catch (NotImplementedException e) {
      return Optional.empty();
    }
  }

  private static ModelJson rag(KnowledgeBase kb) {
    return ModelJson.of(RAG + kb.name(), kb.createdAt().getEpochSecond());
  }
}
