package io.augment.domain.adaptation;

/** How a model is adapted: every weight trained, or low-rank adapters over frozen weights. */
public enum AdaptationMethod {
  FULL, LORA
}
