package io.augment.adapter.out.parsing;

import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import io.augment.domain.testing.DocumentParserContract;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class PlainTextParserTest extends DocumentParserContract {
  private final PlainTextParser parser = new PlainTextParser();

  @Override
  protected DocumentParser parser() {
    return parser;
  }

  @Override
  protected byte[] twoParagraphs() {
    return ("  " + FIRST + "\r\n\r\n\r\n\r\n" + SECOND + "\n").getBytes(UTF_8);
  }

  @Test
  void readsUtf8AndDropsItsByteOrderMark() {
    byte[] withBom = ("\uFEFFnaïve café").getBytes(UTF_8);
    assertThat(parser.parse(withBom)).isEqualTo(new ParsedDocument(null, "naïve café"));
  }

  @Test
  void readsUtf16WithAByteOrderMark() {
    assertThat(parser.parse("über".getBytes(UTF_16)).text()).isEqualTo("über");
  }

  @Test
  void readsLegacyWindows1252FilesThatAreNotUtf8() {
    assertThat(parser.parse("café – 5 €".getBytes(Charset.forName("windows-1252"))).text()).isEqualTo("café – 5 €");
  }

  @Test
  void keepsLineBreaksInsideAParagraphButCollapsesSpaces() {
    assertThat(parser.parse("one\t  two \nthree".getBytes(UTF_8)).text()).isEqualTo("one two\nthree");
  }
}
