package io.augment.application.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.application.InMemoryPlatform;
import io.augment.domain.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class CreateKnowledgeBaseCommandTest {

  @Test
  void rejectsADescriptionLongerThanTheStoreAllowsAndCreatesNothing() {
    InMemoryPlatform platform = new InMemoryPlatform();
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> platform.knowledgeBases.create(
        new CreateKnowledgeBaseCommand("kb", "d".repeat(10_001), null, null)));
    assertThat(e.field()).isEqualTo("description");
    assertThat(platform.knowledgeBases.list()).isEmpty();
  }

  @Test
  void rejectsMissingAndMalformedNamesNamingTheNameField() {
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> new CreateKnowledgeBaseCommand(null, null, null, null)).field()).isEqualTo("name");
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> new CreateKnowledgeBaseCommand("k".repeat(64), null, null, null)).field()).isEqualTo("name");
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> new CreateKnowledgeBaseCommand("kb", null, "m".repeat(201), null)).field()).isEqualTo("embeddingModel");
  }
}
