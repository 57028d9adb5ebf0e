package io.augment.application.benchmark;

import io.augment.domain.model.InvalidInputException;

/**
 * Sizes and seed of a generated {@link World}.
 *
 * @param seed            seed of every random choice; the same config gives byte-identical worlds
 * @param entitiesA       people of world A (the base model learns them), 1 to {@value #MAX_ENTITIES}
 * @param entitiesB       people of world B (the knowledge to inject), 1 to {@value #MAX_ENTITIES}
 * @param readingEntities held-out people used only for reading examples, 0 to {@value #MAX_READING_ENTITIES}
 * @param paraphrases     differently phrased documents per person (the first is the canonical one), 1 to {@value #MAX_PARAPHRASES}
 */
public record WorldConfig(long seed, int entitiesA, int entitiesB, int readingEntities, int paraphrases) {
  public static final int MAX_ENTITIES = 2_000;
  /** Enough that reading examples need not repeat a person, so reading cannot be memorised. */
  public static final int MAX_READING_ENTITIES = 50_000;
  public static final int MAX_PARAPHRASES = WorldTemplates.DOCUMENT_STYLES;

  public WorldConfig {
    range("entitiesA", entitiesA, 1, MAX_ENTITIES);
    range("entitiesB", entitiesB, 1, MAX_ENTITIES);
    range("readingEntities", readingEntities, 0, MAX_READING_ENTITIES);
    range("paraphrases", paraphrases, 1, MAX_PARAPHRASES);
  }

  static void range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidInputException(field, "must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** A stable text of every field, for hashing into a cache key. */
  public String fingerprint() {
    return "world/v1 seed=" + seed + " a=" + entitiesA + " b=" + entitiesB + " r=" + readingEntities
        + " p=" + paraphrases;
  }
}
