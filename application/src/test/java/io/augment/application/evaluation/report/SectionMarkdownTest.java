package io.augment.application.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionMarkdownTest {
  @Test
  void rawHtmlWrittenIntoASectionIsShownAsTextNeverAsMarkup() throws Exception {
    ReportSection section = new ReportSection("raw", "Look: <img src=x onerror=alert(1)> & <script>x()</script>");
    var reports = ReportFixtures.reports();

    String html = reports.html(ReportFixtures.realisticRun(), List.of(), List.of(section));
    String md = reports.markdown(ReportFixtures.realisticRun(), List.of(), List.of(section));

    assertThat(html).doesNotContain("<img", "<script").contains("Look: &lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;");
    assertThat(md).doesNotContain("<img", "<script").contains("Look: &lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;");
    ReportReader.xml(html);
  }

  @Test
  void readsHeadingsParagraphsBulletsWithContinuationsAndTablesWithAndWithoutAHeader() {
    var blocks = SectionMarkdown.parse("""
        # Findings
        first line
        second line
        - one
          more of one
        * two
        | a | b \\| c |
        |---|:--:|
        | 1 | 2 |

        | x | y |
        """);

    assertThat(blocks).containsExactly(
        new SectionMarkdown.Heading("Findings"),
        new SectionMarkdown.Paragraph("first line second line"),
        new SectionMarkdown.Bullets(List.of("one more of one", "two")),
        new SectionMarkdown.Grid(List.of("a", "b \\| c"), List.of(List.of("1", "2"))),
        new SectionMarkdown.Grid(List.of(), List.of(List.of("x", "y"))));
  }

  @Test
  void inlineBoldCodeEscapesAndEntitiesBecomeXhtmlWithEverythingElseEscaped() {
    assertThat(SectionMarkdown.htmlInline("**F1** of `rag:kb` is \\*high\\* &lt;b&gt; &copy; \"q\""))
        .isEqualTo("<strong>F1</strong> of <code>rag:kb</code> is *high* &lt;b&gt; &amp;copy; &quot;q&quot;");
  }

  @Test
  void keepsAnAmpersandInsideACodeSpanAsWrittenSinceMarkdownShowsEntitiesThereLiterally() {
    assertThat(SectionMarkdown.markdownInline("run `a && b` & <c>"))
        .isEqualTo("run `a && b` &amp; &lt;c&gt;");
  }
}
