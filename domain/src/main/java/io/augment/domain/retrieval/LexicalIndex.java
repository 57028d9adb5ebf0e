package io.augment.domain.retrieval;

import java.util.List;

/**
 * Full-text (BM25) search over the chunk text of a knowledge base, fed by the same writes as its
 * {@link VectorIndex}.
 *
 * <p>Contract (checked by {@code LexicalIndexContract}): results are ordered by descending BM25
 * score, at most {@code topK}, all match the filter; a query with no indexable term (empty, only
 * stop words) returns an empty list; an unknown collection throws
 * {@link io.augment.domain.model.NotFoundException}; a replaced or deleted document's old text is
 * not found any more.
 *
 * <p>Implementations: {@code LuceneVectorIndex}, {@code InMemoryVectorIndex}.
 */
public interface LexicalIndex {
  List<ScoredChunk> searchText(String knowledgeBase, String query, int topK, MetadataFilter filter);
}
