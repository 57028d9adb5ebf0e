package io.augment.adapter.out.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenizerJsonTest {

  @Test
  void replacesTheTruncationLength() {
    String json = "{\"truncation\": {\"direction\": \"Right\", \"max_length\": 128, \"stride\": 0},"
        + " \"padding\": {\"max_length\": 128}}";
    assertThat(TokenizerJson.truncatingAt(json, 256))
        .contains("\"max_length\": 256, \"stride\"")
        .contains("\"padding\": {\"max_length\": 128}");
  }

  @Test
  void addsTruncationWhenTheTokenizerHasNone() {
    assertThat(TokenizerJson.truncatingAt("{\"truncation\": null, \"padding\": null}", 64))
        .contains("\"max_length\": 64")
        .contains("\"padding\": null");
  }

  @Test
  void refusesATokenizerWithoutATruncationEntry() {
    assertThatThrownBy(() -> TokenizerJson.truncatingAt("{\"padding\": null}", 64))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
