package io.augment.application.knowledgebase;

import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.Limits;
import io.augment.domain.retrieval.RetrievalMode;

/**
 * Asks for a new knowledge base; checked against the store's limits ({@link Limits}) when built.
 *
 * @param name           unique name ({@link KnowledgeBase#NAME_PATTERN})
 * @param description    optional, at most {@link Limits#DESCRIPTION} characters
 * @param embeddingModel model id, or null for the configured default
 * @param chunking       chunking settings, or null for {@link ChunkingSettings#DEFAULT}
 * @param retrieval      default retrieval mode of its queries, or null for dense
 */
public record CreateKnowledgeBaseCommand(
    String name, String description, String embeddingModel, ChunkingSettings chunking, RetrievalMode retrieval) {

  public CreateKnowledgeBaseCommand {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    if (!name.matches(KnowledgeBase.NAME_PATTERN)) {
      throw new InvalidInputException("name", "must be 1 to " + Limits.KNOWLEDGE_BASE_NAME
          + " lowercase letters, digits, '-' and '_', starting with a letter or digit");
    }
    Limits.atMost("description", description, Limits.DESCRIPTION);
    Limits.atMost("embeddingModel", embeddingModel, Limits.MODEL_ID);
  }

  public CreateKnowledgeBaseCommand(String name, String description, String embeddingModel, ChunkingSettings chunking) {
    this(name, description, embeddingModel, chunking, null);
  }
}
