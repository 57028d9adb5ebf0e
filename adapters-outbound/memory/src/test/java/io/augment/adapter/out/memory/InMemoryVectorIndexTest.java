package io.augment.adapter.out.memory;

import io.augment.domain.retrieval.VectorIndex;
import io.augment.domain.retrieval.VectorIndexContract;

class InMemoryVectorIndexTest extends VectorIndexContract {

  @Override
  protected VectorIndex newIndex() {
    return new InMemoryVectorIndex();
  }
}
