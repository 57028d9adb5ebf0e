package io.augment.adapter.out.parsing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import io.augment.domain.testing.DocumentParserContract;
import org.junit.jupiter.api.Test;

class HtmlParserTest extends DocumentParserContract {
  private final HtmlParser parser = new HtmlParser();

  @Override
  protected DocumentParser parser() {
    return parser;
  }

  @Override
  protected byte[] twoParagraphs() {
    return ("<html><body><div><p>The first   paragraph\nspeaks of <b>rivers</b>.</p>"
        + "<p>The second paragraph speaks of <i>stones</i>.</p></div></body></html>").getBytes(UTF_8);
  }

  @Test
  void takesTheTitleElementAsTitle() {
    assertThat(parse("<title> Rivers </title><h1>Heading</h1><p>x</p>").title()).isEqualTo("Rivers");
  }

  @Test
  void fallsBackToTheFirstH1ForTitle() {
    assertThat(parse("<body><h1>Stones</h1><p>x</p></body>").title()).isEqualTo("Stones");
    assertThat(parse("<p>no heading</p>").title()).isNull();
  }

  @Test
  void dropsScriptsStylesAndNavigation() {
    String text = parse("<nav><a href=/>Home</a></nav><style>p{}</style><script>alert(1)</script><p>Body</p>").text();
    assertThat(text).isEqualTo("Body");
  }

  @Test
  void putsListItemsAndTableRowsOnLinesAndHeadingsInParagraphs() {
    String text = parse("<h2>Fruit</h2><ul><li>apples</li><li>pears</li></ul>"
        + "<table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>after<br>break").text();
    assertThat(text).isEqualTo("Fruit\n\napples\npears\n\na 1\nb 2\n\nafter\nbreak");
  }

  @Test
  void readsTheCharsetDeclaredInAMetaTag() {
    byte[] latin1 = "<meta charset=iso-8859-1><p>café</p>".getBytes(ISO_8859_1);
    assertThat(parser.parse(latin1).text()).isEqualTo("café");
  }

  private ParsedDocument parse(String html) {
    return parser.parse(html.getBytes(UTF_8));
  }
}
