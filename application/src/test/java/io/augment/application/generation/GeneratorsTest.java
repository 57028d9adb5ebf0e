package io.augment.application.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.model.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
  private record Named(String id) implements Generator {
    @Override
    public Generation generate(Prompt prompt, GenerationOptions options) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void servesTheConfiguredGeneratorFirstAndEachOtherOnce() {
    Named remote = new Named("openai:gpt-4o-mini");
    Named extractive = new Named("extractive");
    Generators generators = new Generators(remote, List.of(extractive, new Named("extractive"), remote));

    assertThat(generators.defaultGenerator()).isSameAs(remote);
    assertThat(generators.ids()).containsExactly("openai:gpt-4o-mini", "extractive");
    assertThat(generators.require("extractive")).isSameAs(extractive);
  }

  @Test
  void theDefaultWinsOverAnotherWithItsId() {
    Named configured = new Named("extractive");
    Generators generators = new Generators(configured, List.of(new Named("extractive")));
    assertThat(generators.ids()).containsExactly("extractive");
    assertThat(generators.require("extractive")).isSameAs(configured);
  }

  @Test
  void unknownIdIsNotFound() {
    Generators generators = new Generators(new Named("extractive"), List.of());
    assertThat(generators.find("gpt-4o")).isEmpty();
    assertThatThrownBy(() -> generators.require("gpt-4o")).isInstanceOf(NotFoundException.class).hasMessageContaining("gpt-4o");
  }
}
