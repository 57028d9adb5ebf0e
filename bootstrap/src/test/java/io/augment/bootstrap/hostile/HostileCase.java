package io.augment.bootstrap.hostile;

/** One malformed request, named for the report, and the check its reply must pass. */
record HostileCase(String name, Runnable check) {}
