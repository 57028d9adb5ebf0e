package io.augment.adapter.out.parsing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import io.augment.domain.testing.DocumentParserContract;
import org.junit.jupiter.api.Test;

class MarkdownParserTest extends DocumentParserContract {
  private final MarkdownParser parser = new MarkdownParser();

  @Override
  protected DocumentParser parser() {
    return parser;
  }

  @Override
  protected byte[] twoParagraphs() {
    return ("The first paragraph\nspeaks of *rivers*.\n\n\n\nThe second paragraph speaks of **stones**.\n").getBytes(UTF_8);
  }

  @Test
  void takesTheFirstHeadingAsTitle() {
    ParsedDocument parsed = parse("Intro text.\n\n## The *Real* Title\n\nBody.\n\n# Later heading\n");
    assertThat(parsed.title()).isEqualTo("The Real Title");
    assertThat(parsed.text()).isEqualTo("Intro text.\n\nThe Real Title\n\nBody.\n\nLater heading");
  }

  @Test
  void hasNoTitleWithoutAHeading() {
    assertThat(parse("Just text.").title()).isNull();
  }

  @Test
  void dropsMarkupButKeepsLinkTextAndCode() {
    String text = parse("See [the guide](https://example.com) and `run()`.\n\n```\nint x = 1;\n```\n").text();
    assertThat(text).contains("See the guide").contains("run()").contains("int x = 1;")
        .doesNotContain("](").doesNotContain("```");
  }

  @Test
  void keepsListItemsTogether() {
    assertThat(parse("- apples\n- pears\n").text()).contains("apples").contains("pears");
  }

  private ParsedDocument parse(String markdown) {
    return parser.parse(markdown.getBytes(UTF_8));
  }
}
