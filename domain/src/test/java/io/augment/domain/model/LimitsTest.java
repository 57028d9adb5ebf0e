package io.augment.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void refusesTextLongerThanItsColumnNamingTheField() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> Limits.atMost("title", "t".repeat(Limits.TITLE + 1), Limits.TITLE));
    assertThat(e.field()).isEqualTo("title");
    assertThat(e.reason()).isEqualTo("must be at most 2000 characters, got 2001");
    assertThat(Limits.atMost("title", "t".repeat(Limits.TITLE), Limits.TITLE)).hasSize(Limits.TITLE);
    assertThat(Limits.atMost("title", null, Limits.TITLE)).isNull();
  }

  @Test
  void refusesANullMetadataValueNamingItsKey() {
    Map<String, String> metadata = new HashMap<>();
    metadata.put("lang", null);
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> Limits.metadata(metadata)).field())
        .isEqualTo("metadata.lang");
  }

  @Test
  void refusesMetadataValuesOverTheColumnAndTooManyKeys() {
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> Limits.metadata(Map.of("notes", "n".repeat(Limits.METADATA_VALUE + 1)))).field()).isEqualTo("metadata.notes");
    Map<String, String> many = new HashMap<>();
    IntStream.rangeClosed(0, Limits.METADATA_ENTRIES).forEach(i -> many.put("k" + i, "v"));
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> Limits.metadata(many)).field()).isEqualTo("metadata");
    assertThatThrownBy(() -> Limits.metadata(Map.of("bad key", "v"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("keys must match");
  }

  @Test
  void aLongMetadataValueStaysUnderLucenesTermLimitInAnyScript() {
    String widest = "\u20ac".repeat(Limits.METADATA_VALUE); // 3 UTF-8 bytes each
    assertThat(widest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(32_766);
    assertThat(Limits.metadata(Map.of("k", widest))).containsKey("k");
  }

  @Test
  void cutsALongDerivedTitleAtAWordToFitTheColumn() {
    String heading = "word ".repeat(1_000).strip();
    String title = Limits.derivedTitle(heading);
    assertThat(title).hasSizeLessThanOrEqualTo(Limits.TITLE).endsWith("word…");
    assertThat(Limits.derivedTitle("  Kettle guide ")).isEqualTo("Kettle guide");
    assertThat(Limits.derivedTitle(" ")).isNull();
    assertThat(Limits.derivedTitle("x".repeat(5_000))).hasSize(Limits.TITLE);
  }

  @Test
  void boundsRangesAndCounts() {
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> Limits.between("limit", 0, 1, 1000)).field())
        .isEqualTo("limit");
    assertThat(Limits.between("limit", 1000, 1, 1000)).isEqualTo(1000);
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> Limits.atMostItems("documents", List.of(1, 2), 1))
        .field()).isEqualTo("documents");
  }

  @Test
  void documentIdsOverTheColumnAreRefusedWithoutEchoingThePattern() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> Document.requireValidId("d".repeat(Limits.DOCUMENT_ID + 1)));
    assertThat(e.field()).isEqualTo("id");
    assertThat(e.reason()).contains("at most 200");
    Document.requireValidId("d".repeat(Limits.DOCUMENT_ID));
  }

  @Test
  void chunkingErrorsNameTheRequestFields() {
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> new ChunkingSettings(4, 0)).field())
        .isEqualTo("chunkSizeTokens");
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> new ChunkingSettings(100, 60)).field())
        .isEqualTo("chunkOverlapTokens");
  }
}
