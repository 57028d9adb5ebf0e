package io.augment.adapter.out.djl.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.format.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTokenizerTest {
  private static final List<String> SAMPLES = List.of(
      "the cat sees the ball.",
      "  Leading spaces,\ttabs and\nnew lines\n\n",
      "Unicode: naïve café, Ünïcödé, 東京, emoji 🚀🙂 and ümlauts",
      "numbers 12345 and 3.14, symbols #@!$%^&*()",
      "don't we'll they've I'm",
      "text<|endoftext|>after the end");
  @TempDir
  Path dir;

  @Test
  void decodesEveryTextBackToItselfIncludingUnseenCharacters() {
    BpeTokenizer tokenizer = TinyModels.tokenizer();
    for (String sample : SAMPLES) {
      assertThat(tokenizer.decode(tokenizer.encode(sample))).isEqualTo(sample);
    }
  }

  @Test
  void learnsMergesSoFrequentWordsBecomeSingleTokens() {
    BpeTokenizer tokenizer = TinyModels.tokenizer();
    assertThat(tokenizer.encode(" the")).hasSize(1);
    assertThat(tokenizer.encode("the cat sees the ball.").length).isLessThan("the cat sees the ball.".length() / 2);
  }

  @Test
  void encodesEndOfTextAsItsOwnSpecialToken() {
    BpeTokenizer tokenizer = TinyModels.tokenizer();
    int[] ids = tokenizer.encode("a<|endoftext|>b");
    assertThat(ids).containsExactly(tokenizer.encode("a")[0], tokenizer.endOfText(), tokenizer.encode("b")[0]);
    assertThat(tokenizer.endOfText()).isEqualTo(tokenizer.vocabSize() - 1);
  }

  @Test
  void tokenizerJsonReadsBackToTheSameEncoding() {
    BpeTokenizer tokenizer = TinyModels.tokenizer();
    Path file = dir.resolve("tokenizer.json");
    TokenizerJson.write(tokenizer, file);

    BpeTokenizer read = TokenizerJson.read(file);

    for (String sample : SAMPLES) {
      assertThat(read.encode(sample)).containsExactly(tokenizer.encode(sample));
    }
    assertThat(read.vocabSize()).isEqualTo(tokenizer.vocabSize());
  }

  @Test
  void readsMergesWrittenAsPairsAsNewerHuggingFaceFilesDo() throws IOException {
    BpeTokenizer tokenizer = TinyModels.tokenizer();
    Path file = dir.resolve("tokenizer.json");
    TokenizerJson.write(tokenizer, file);
    ObjectNode root = (ObjectNode) Json.read(file);
    ArrayNode pairs = Json.MAPPER.createArrayNode();
    root.path("model").path("merges").forEach(m -> pairs.addArray().add(m.asText().split(" ")[0])
        .add(m.asText().split(" ")[1]));
    ((ObjectNode) root.get("model")).set("merges", pairs);
    Json.write(file, root);

    assertThat(TokenizerJson.read(file).encode(SAMPLES.get(0))).containsExactly(tokenizer.encode(SAMPLES.get(0)));
  }

  @Test
  void huggingFaceTokenizersEncodeOurTokenizerJsonIdentically() throws IOException {
    BpeTokenizer tokenizer = TinyModels.tokenizer();
    Path file = dir.resolve("tokenizer.json");
    TokenizerJson.write(tokenizer, file);

    try (HuggingFaceTokenizer reference = HuggingFaceTokenizer.builder().optTokenizerPath(file)
        .optAddSpecialTokens(false).build()) {
      for (String sample : SAMPLES) {
        long[] expected = reference.encode(sample).getIds();
        assertThat(Arrays.stream(tokenizer.encode(sample)).asLongStream().toArray()).as(sample)
            .containsExactly(expected);
      }
    }
  }
}
