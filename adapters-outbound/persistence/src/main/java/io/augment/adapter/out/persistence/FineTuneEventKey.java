package io.augment.adapter.out.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link FineTuneEventEntity}. */
class FineTuneEventKey implements Serializable {
  String jobId;
  long seq;

  @Override
  public boolean equals(Object other) {
    return other instanceof FineTuneEventKey key && jobId.equals(key.jobId) && seq == key.seq;
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, seq);
  }
}
