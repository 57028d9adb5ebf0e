package io.augment.application.query;

/** Milliseconds spent in each step of answering. */
public record Timings(double embedMs, double searchMs, double augmentMs, double generateMs, double totalMs) {}
