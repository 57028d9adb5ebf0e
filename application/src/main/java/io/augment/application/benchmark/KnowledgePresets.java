package io.augment.application.benchmark;

import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.InvalidInputException;
import java.util.List;

/**
 * The benchmark's sizes. {@code default} is the documented run (its base model meets the bars or
 * the report says it does not); {@code small} is the demo's (minutes, a weaker base model);
 * {@code tiny} exercises the pipeline in seconds and measures nothing.
 */
public final class KnowledgePresets {
  public static final List<String> NAMES = List.of("default", "small", "tiny");

  private KnowledgePresets() {}

  /** The preset called {@code name}; an unknown name is refused naming {@code size}. */
  public static KnowledgeInjectionSpec named(String name) {
    return switch (name == null ? "default" : name) {
      case "default" -> defaults();
      case "small" -> small();
      case "tiny" -> tiny();
      default -> throw new InvalidInputException("size", "must be one of " + NAMES + ", got " + name);
    };
  }

  public static KnowledgeInjectionSpec defaults() {
    return spec(new WorldConfig(42, 40, 40, 20_000, 4),
        new BaseModelRecipe(new ModelShape(1024, 256, 128, 3, 4), 21_000, 3, 17, 40,
            new TrainingSettings(0, 4000, 16, 256, 2e-3, 1)), 30, 60);
  }

  public static KnowledgeInjectionSpec small() {
    return spec(new WorldConfig(7, 16, 16, 300, 4),
        new BaseModelRecipe(new ModelShape(512, 256, 128, 2, 4), 1000, 3, 6,
            new TrainingSettings(0, 500, 16, 256, 3e-3, 1)), 20, 32);
  }

  public static KnowledgeInjectionSpec tiny() {
    return new KnowledgeInjectionSpec(new WorldConfig(1, 3, 3, 4, 2),
        new BaseModelRecipe(new ModelShape(300, 64, 16, 1, 2), 6, 2, 1, new TrainingSettings(0, 3, 2, 32, 1e-3, 1)),
        new TrainingSettings(0, 2, 2, 32, 5e-4, 1), new TrainingSettings(0, 2, 2, 32, 2e-3, 1),
        KnowledgeInjectionSpec.defaultLora(), 2, 8, 3);
  }

  private static KnowledgeInjectionSpec spec(WorldConfig world, BaseModelRecipe recipe, int epochs, int qualitySample) {
    return new KnowledgeInjectionSpec(world, recipe, new TrainingSettings(epochs, 0, 8, 128, 5e-4, 1),
        new TrainingSettings(epochs, 0, 8, 128, 2e-3, 1), KnowledgeInjectionSpec.defaultLora(), 3, 24, qualitySample);
  }
}
