package io.augment.adapter.out.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link DocumentEntity}: a document id is unique within its knowledge base only. */
class DocumentKey implements Serializable {
  String knowledgeBase;
  String id;

  DocumentKey() {}

  DocumentKey(String knowledgeBase, String id) {
    this.knowledgeBase = knowledgeBase;
    this.id = id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocumentKey key && knowledgeBase.equals(key.knowledgeBase) && id.equals(key.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(knowledgeBase, id);
  }
}
