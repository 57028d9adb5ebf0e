package io.augment.adapter.out.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WordPieceTokenizerTest {
  private static final List<String> TEXTS = List.of(
      "", " ", "the cat", "unaffable", "Hello, WORLD! Mixed Case and ACRONYMS like NASA.",
      "Crème brûlée, naïve café, Ångström, Straße", "数学 と 日本語 のテキスト", "emoji 🙂🚀 and zero\u200bwidth",
      "numbers 3.14159 and 1,000,000 and 42nd", "tabs\tand\nnew lines\r\n  and   spaces",
      "a".repeat(600), "supercalifragilisticexpialidocious ".repeat(40));

  @ParameterizedTest
  @EnumSource(BundledBertModel.class)
  void countsTheSameWordPiecesAsTheFullEncodingForEveryBundledModel(BundledBertModel model) {
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(model.tokenizerJson(256));

    for (String text : TEXTS) {
      assertThat(tokenizer.count(text)).as(text).isEqualTo(tokenizer.countThroughEncoding(text));
    }
    assertThat(tokenizer.count("unaffable")).isEqualTo(3);
  }
}
