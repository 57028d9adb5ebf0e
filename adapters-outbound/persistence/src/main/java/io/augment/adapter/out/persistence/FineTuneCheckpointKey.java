package io.augment.adapter.out.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link FineTuneCheckpointEntity}. */
class FineTuneCheckpointKey implements Serializable {
  String jobId;
  String checkpointId;

  @Override
  public boolean equals(Object other) {
    return other instanceof FineTuneCheckpointKey key && jobId.equals(key.jobId)
        && checkpointId.equals(key.checkpointId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, checkpointId);
  }
}
