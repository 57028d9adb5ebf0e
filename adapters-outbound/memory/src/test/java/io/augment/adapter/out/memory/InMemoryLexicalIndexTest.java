package io.augment.adapter.out.memory;

import io.augment.domain.retrieval.LexicalIndexContract;

class InMemoryLexicalIndexTest extends LexicalIndexContract<InMemoryVectorIndex> {

  @Override
  protected InMemoryVectorIndex newIndex() {
    return new InMemoryVectorIndex();
  }
}
