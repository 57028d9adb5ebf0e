package io.augment.application.knowledgebase;

import io.augment.domain.model.ChunkingSettings;

/**
 * Asks for a new knowledge base.
 *
 * @param name           unique name
 * @param description    optional
 * @param embeddingModel model id, or null for the configured default
 * @param chunking       chunking settings, or null for {@link ChunkingSettings#DEFAULT}
 */
public record CreateKnowledgeBaseCommand(String name, String description, String embeddingModel, ChunkingSettings chunking) {}
