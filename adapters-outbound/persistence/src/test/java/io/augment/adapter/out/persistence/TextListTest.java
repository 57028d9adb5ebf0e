package io.augment.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextListTest {

  @Test
  void readsBackEveryElementIncludingNullsEmptiesAndTheFormatsOwnCharacters() {
    List<String> texts = Arrays.asList("", null, "12:34", "~", "~~3:x", "東京 🌃\n", null, "");

    assertThat(TextList.decode(TextList.encode(texts))).containsExactlyElementsOf(texts);
  }

  @Test
  void nestsListsAsElements() {
    String inner = TextList.encode(Arrays.asList("rag", null, "3:abc"));
    List<String> outer = Arrays.asList(inner, null, TextList.encode(List.of()));

    List<String> read = TextList.decode(TextList.encode(outer));

    assertThat(read).containsExactlyElementsOf(outer);
    assertThat(TextList.decode(read.get(0))).containsExactly("rag", null, "3:abc");
    assertThat(TextList.decode(read.get(2))).isEmpty();
  }

  @Test
  void refusesAColumnThatIsNotAList() {
    assertThatThrownBy(() -> TextList.decode("abc")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TextList.decode("5:ab")).isInstanceOf(IllegalStateException.class);
  }
}
