package io.augment.adapter.out.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link EvaluationQuestionEntity}. */
class EvaluationQuestionKey implements Serializable {
  String setName;
  int index;

  @Override
  public boolean equals(Object other) {
    return other instanceof EvaluationQuestionKey key && setName.equals(key.setName) && index == key.index;
  }

  @Override
  public int hashCode() {
    return Objects.hash(setName, index);
  }
}
