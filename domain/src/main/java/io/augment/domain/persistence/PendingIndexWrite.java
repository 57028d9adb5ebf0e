package io.augment.domain.persistence;

/**
 * A change that the records already hold but the index may not yet hold durably. It is recorded in
 * the same transaction as the change and forgotten once the index has made it durable; after a
 * crash the ones left over tell which documents to re-derive from their records.
 *
 * @param sequence unique, assigned by the repository
 * @param documentId the document saved or deleted; {@code null} when the whole knowledge base was deleted
 */
public record PendingIndexWrite(long sequence, String knowledgeBase, String documentId) {}
