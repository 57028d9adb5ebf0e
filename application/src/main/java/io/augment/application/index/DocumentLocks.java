package io.augment.application.index;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped locks per (knowledge base, document): whoever writes a document's record and then its
 * index entries holds its stripe, so the index sees a document's versions in the records' order.
 */
public final class DocumentLocks {
  private final ReentrantLock[] stripes = new ReentrantLock[64];

  public DocumentLocks() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Runs {@code work} holding the stripes of every listed document, taken in ascending order (no deadlock). */
  public <T> T with(String knowledgeBase, Collection<String> documentIds, Supplier<T> work) {
    List<ReentrantLock> locks = documentIds.stream().mapToInt(id -> stripe(knowledgeBase, id)).distinct().sorted()
        .mapToObj(i -> stripes[i]).toList();
    locks.forEach(ReentrantLock::lock);
    try {
      return work.get();
    } finally {
      locks.forEach(ReentrantLock::unlock);
    }
  }

  public <T> T with(String knowledgeBase, String documentId, Supplier<T> work) {
    return with(knowledgeBase, List.of(documentId), work);
  }

  private int stripe(String knowledgeBase, String documentId) {
    return Math.floorMod((knowledgeBase + "\u0000" + documentId).hashCode(), stripes.length);
  }
}
