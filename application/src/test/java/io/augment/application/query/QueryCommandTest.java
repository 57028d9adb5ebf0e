package io.augment.application.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.application.InMemoryPlatform;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryCommandTest {

  @Test
  void aSearchNamesItsTextQueryNotQuestion() {
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> QueryCommand.search("kb", " ", 5, null, null)).field()).isEqualTo("query");
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> new QueryCommand("kb", " ", 5, null, null)).field()).isEqualTo("question");
  }

  @Test
  void refusesAFilterWithMoreKeysThanAnIndexQueryCanHold() {
    Map<String, Object> filter = new LinkedHashMap<>();
    IntStream.range(0, 1_100).forEach(i -> filter.put("k" + i, "v"));
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> QueryCommand.search("kb", "q", 5, MetadataFilters.parse(filter), null));
    assertThat(e.field()).isEqualTo("filter");
    assertThat(e.reason()).contains("at most 64 keys");
  }

  @Test
  void refusesAFilterListingTooManyOrTooLongValuesNamingTheKey() {
    List<String> values = IntStream.range(0, 1_001).mapToObj(i -> "v" + i).toList();
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> QueryCommand.search("kb", "q", 5, MetadataFilters.parse(Map.of("tag", values)), null)).field())
        .isEqualTo("filter.tag");
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> QueryCommand.search("kb", "q", 5,
        MetadataFilters.parse(Map.of("tag", Map.of("from", "x".repeat(10_001)))), null)).field()).isEqualTo("filter.tag");
    assertThatCode(() -> QueryCommand.search("kb", "q", 5, MetadataFilters.parse(Map.of("tag", values.subList(0, 1_000))), null))
        .doesNotThrowAnyException();
  }

  @Test
  void checkRefusesAnUnknownKnowledgeBaseWithoutSearching() {
    InMemoryPlatform platform = new InMemoryPlatform();
    assertThat(catchThrowableOfType(NotFoundException.class,
        () -> platform.answers.check(new QueryCommand("nope", "q", 5, null, null)))).hasMessageContaining("nope");
  }
}
