package io.augment.application.index;

import java.time.Duration;

/**
 * What the start-up repair found and did.
 *
 * @param pending pending index writes left by the previous run (0 after a clean shutdown)
 * @param reindexed documents whose index entries were rebuilt from their records
 * @param removed documents without a record whose index entries were deleted
 * @param collectionsDropped index collections of deleted knowledge bases removed
 * @param collectionsCreated missing collections of existing knowledge bases created
 * @param failed documents that could not be repaired now (retried at every checkpoint)
 */
public record RecoveryReport(
    int pending, int reindexed, int removed, int collectionsDropped, int collectionsCreated, int failed,
    Duration took) {

  @Override
  public String toString() {
    return pending + " pending index writes: " + reindexed + " documents re-indexed, " + removed
        + " removed from the index, " + collectionsDropped + " collections dropped, " + collectionsCreated
        + " created, " + failed + " failed, in " + took.toMillis() + " ms";
  }
}
