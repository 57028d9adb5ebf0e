package io.augment.bootstrap.hostile;

/**
 * One malformed request, named for the report, and the check its reply must pass.
 *
 * @param prepare runs before the stored state is read for the case (e.g. restores what an earlier case destroyed)
 */
record HostileCase(String name, Runnable prepare, Runnable check) {
  HostileCase(String name, Runnable check) {
    this(name, () -> {}, check);
  }
}
