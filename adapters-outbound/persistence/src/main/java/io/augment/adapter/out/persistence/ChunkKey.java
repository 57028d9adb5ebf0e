package io.augment.adapter.out.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link ChunkEntity}. */
class ChunkKey implements Serializable {
  String knowledgeBase;
  String documentId;
  int index;

  @Override
  public boolean equals(Object other) {
    return other instanceof ChunkKey key
        && knowledgeBase.equals(key.knowledgeBase)
        && documentId.equals(key.documentId)
        && index == key.index;
  }

  @Override
  public int hashCode() {
    return Objects.hash(knowledgeBase, documentId, index);
  }
}
