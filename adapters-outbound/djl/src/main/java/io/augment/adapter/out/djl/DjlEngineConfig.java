package io.augment.adapter.out.djl;

/**
 * Settings of the local engine.
 *
 * @param baseModel model served when a request names no adapter (a folder under {@code models/})
 * @param seed      seed of sampling when temperature is above zero
 */
public record DjlEngineConfig(String baseModel, long seed) {}
