package io.augment.application.knowledgebase;

import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.retrieval.RetrievalMode;

/**
 * Asks for a new knowledge base.
 *
 * @param name           unique name
 * @param description    optional
 * @param embeddingModel model id, or null for the configured default
 * @param chunking       chunking settings, or null for {@link ChunkingSettings#DEFAULT}
 * @param retrieval      default retrieval mode of its queries, or null for dense
 */
public record CreateKnowledgeBaseCommand(
    String name, String description, String embeddingModel, ChunkingSettings chunking, RetrievalMode retrieval) {

  public CreateKnowledgeBaseCommand(String name, String description, String embeddingModel, ChunkingSettings chunking) {
    this(name, description, embeddingModel, chunking, null);
  }
}
