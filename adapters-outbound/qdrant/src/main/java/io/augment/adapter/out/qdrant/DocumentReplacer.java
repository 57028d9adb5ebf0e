package io.augment.adapter.out.qdrant;

import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * Replaces a document's points in two steps Qdrant can do: upsert the new version under a fresh
 * generation while {@link DocumentVisibility} hides it, show only that generation, delete the older
 * ones, and stop filtering. Generations are microsecond stamps (see
 * {@link DocumentVisibility#nextGeneration}), so they are exact as the doubles Qdrant ranges use. If the upsert fails, the new points are deleted again where possible and
 * stay hidden where not; if the delete fails, only the new version stays visible. Either way the
 * next replacement of the document removes what is left.
 */
final class DocumentReplacer {

  private final QdrantCollections collections;
  private final QdrantPoints points;
  private final DocumentVisibility visibility;

  DocumentReplacer(QdrantCollections collections, QdrantPoints points, DocumentVisibility visibility) {
    this.collections = collections;
    this.points = points;
    this.visibility = visibility;
  }

  void replace(String knowledgeBase, String documentId, List<EmbeddedChunk> chunks) {
    for (EmbeddedChunk chunk : chunks) {
      if (!chunk.chunk().documentId().equals(documentId)) {
        throw new InvalidInputException("chunks", "chunk " + chunk.chunk().id() + " is not of document " + documentId);
      }
    }
    if (!chunks.isEmpty()) {
      checkDimensions(knowledgeBase, chunks);
    }
    String collection = collections.name(knowledgeBase);
    Lock writer = visibility.writerOf(collection, documentId);
    writer.lock();
    try {
      long generation = visibility.nextGeneration();
      if (!chunks.isEmpty()) {
        visibility.hide(collection, documentId, generation);
        writeHidden(knowledgeBase, documentId, chunks, generation);
      }
      visibility.showOnly(collection, documentId, generation);
      points.delete(knowledgeBase, ofDocument(documentId).addMust(olderThan(generation)).build());
      visibility.settle(collection, documentId);
    } catch (NotFoundException e) {
      visibility.settle(collection, documentId); // the collection is gone, and with it the document
      throw e;
    } finally {
      writer.unlock();
    }
  }

  private void writeHidden(String knowledgeBase, String documentId, List<EmbeddedChunk> chunks, long generation) {
    try {
      points.upsert(knowledgeBase, chunks, generation);
    } catch (RuntimeException e) {
      try {
        points.delete(knowledgeBase, ofDocument(documentId).addMust(match(PayloadFields.GENERATION, generation)).build());
        visibility.unhide(collections.name(knowledgeBase), documentId, generation);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void checkDimensions(String knowledgeBase, List<EmbeddedChunk> chunks) {
    int dimension = collections.dimension(knowledgeBase);
    for (EmbeddedChunk chunk : chunks) {
      if (chunk.vector().length != dimension) {
        throw new InvalidInputException("chunks[" + chunk.chunk().id() + "].vector",
            "has " + chunk.vector().length + " dimensions, the collection " + dimension);
      }
    }
  }

  /** Older, not just other: of two processes replacing one document at once, the later generation stays. */
  private static Condition olderThan(long generation) {
    return range(PayloadFields.GENERATION, Range.newBuilder().setLt(generation).build());
  }

  private static Filter.Builder ofDocument(String documentId) {
    return Filter.newBuilder().addMust(matchKeyword(PayloadFields.DOCUMENT_ID, documentId));
  }
}
