package io.augment.application.knowledgebase;

import io.augment.domain.model.KnowledgeBase;

/** A knowledge base with its current document and chunk counts. */
public record KnowledgeBaseView(KnowledgeBase knowledgeBase, long documents, long chunks) {}
