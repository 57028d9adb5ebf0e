package io.augment.domain.augmentation;

import io.augment.domain.retrieval.ScoredChunk;

/** A retrieved chunk placed in a prompt under citation number {@code number} (from 1). */
public record ContextChunk(int number, ScoredChunk source) {}
