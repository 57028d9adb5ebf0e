package io.augment.domain.adaptation;

import java.time.Instant;

/**
 * A saved state of a run a trainer can resume from (weights, optimiser state, position in the data).
 *
 * @param id             the trainer's id for it, unique within the job
 * @param step           optimiser steps done when it was saved
 * @param trainLoss      mean training loss over the steps since the previous checkpoint
 * @param validationLoss loss on the validation examples at that step, or null without them
 * @param createdAt      when it was saved
 */
public record FineTuneCheckpoint(String id, int step, double trainLoss, Double validationLoss, Instant createdAt) {}
