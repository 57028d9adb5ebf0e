package io.augment.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import io.augment.domain.model.InvalidInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DocumentParser} must do. An adapter's test extends this class, supplies the
 * parser and a small file in its format.
 */
public abstract class DocumentParserContract {

  protected static final String FIRST = "The first paragraph speaks of rivers.";
  protected static final String SECOND = "The second paragraph speaks of stones.";

  protected abstract DocumentParser parser();

  /** A file of the parser's type whose text is the paragraphs {@link #FIRST} and {@link #SECOND}. */
  protected abstract byte[] twoParagraphs();

  @Test
  void separatesParagraphsByOneBlankLine() {
    ParsedDocument parsed = parser().parse(twoParagraphs());
    assertThat(parsed.text()).contains(FIRST + "\n\n" + SECOND);
    assertThat(parsed.text()).doesNotContain("\n\n\n").isEqualTo(parsed.text().strip());
  }

  @Test
  void refusesBinaryContentNamingTheFile() {
    byte[] binary = new byte[2048];
    new Random(7).nextBytes(binary);
    binary[10] = 0;
    assertThatThrownBy(() -> parser().parse(binary))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("file"));
  }

  @Test
  void namesTheMediaTypesItReads() {
    assertThat(parser().mediaTypes()).isNotEmpty().allSatisfy(type -> assertThat(type).matches("[a-z]+/[a-z0-9.+-]+"));
  }
}
