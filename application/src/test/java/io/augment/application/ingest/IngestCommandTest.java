package io.augment.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.application.InMemoryPlatform;
import io.augment.domain.model.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestCommandTest {

  @Test
  void rejectsTitleLongerThanTheStoreAllowsBeforeWritingAnything() {
    InMemoryPlatform platform = new InMemoryPlatform();
    platform.createKnowledgeBase("kb", 50, 0);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> platform.ingest.ingest("kb", IngestCommand.text("long", "t".repeat(5_000), "Some text to index.", Map.of())));
    assertThat(e.field()).isEqualTo("title");
    assertThat(platform.index.count("kb")).isZero();
    assertThat(platform.documentRepository.count("kb")).isZero();
  }

  @Test
  void rejectsANullMetadataValueInsteadOfFailingInsideTheCopy() {
    Map<String, String> metadata = new HashMap<>();
    metadata.put("lang", null);
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> IngestCommand.text("d", null, "text", metadata)).field()).isEqualTo("metadata.lang");
  }

  @Test
  void rejectsOverlongIdsMediaTypesAndMetadataValues() {
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> IngestCommand.text("d".repeat(201), null, "text", null)).field()).isEqualTo("id");
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> new IngestCommand("d", null, "text/" + "x".repeat(300), new byte[] {1}, null)).field()).isEqualTo("mediaType");
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> IngestCommand.text("d", null, "text", Map.of("notes", "n".repeat(10_001)))).field()).isEqualTo("metadata.notes");
  }
}
