package io.augment.application.evaluation.report;

import io.augment.domain.evaluation.QuestionResult;
import java.util.Collections;
import java.util.List;

/** Writes a report as Markdown; every text from the run is escaped. */
final class MarkdownReport {
  private final StringBuilder out = new StringBuilder();

  String render(ReportModel model, List<QuestionResult> results, List<ReportSection> sections) {
    out.append("# Evaluation run ").append(Text.markdown(model.run().id())).append("\n\n");
    for (RunFacts.Fact fact : RunFacts.of(model)) {
      out.append("- **").append(fact.label()).append("**: ").append(Text.markdown(fact.value())).append('\n');
    }
    out.append('\n');
    out.append("## Measures\n\n");
    out.append("Values not recorded by what produced a contender read \"not recorded\"; "
        + "measures that do not apply to a contender read \"n/a\".\n\n");
    for (Table table : new MeasureTables(model).tables()) {
      table(table, "###");
    }
    for (ReportSection section : sections) {
      section(section);
    }
    table(QuestionAppendix.of(results), "##");
    return out.toString();
  }

  private void table(Table table, String level) {
    out.append(level).append(' ').append(Text.markdown(table.title())).append("\n\n");
    if (table.note() != null) {
      out.append(Text.markdown(table.note())).append("\n\n");
    }
    if (table.rows().isEmpty()) {
      return;
    }
    row(table.headers().stream().map(Text::markdown).toList());
    row(Collections.nCopies(table.headers().size(), "---"));
    table.rows().forEach(r -> row(r.stream().map(Text::markdown).toList()));
    out.append('\n');
  }

  private void row(List<String> cells) {
    out.append("| ").append(String.join(" | ", cells.stream().map(c -> c.isEmpty() ? " " : c).toList())).append(" |\n");
  }

  private void section(ReportSection section) {
    out.append("## ").append(Text.markdown(section.title())).append("\n\n");
    for (SectionMarkdown.Block block : SectionMarkdown.parse(section.markdown())) {
      if (block instanceof SectionMarkdown.Heading h) {
        out.append("### ").append(SectionMarkdown.markdownInline(h.text())).append('\n');
      } else if (block instanceof SectionMarkdown.Paragraph p) {
        out.append(SectionMarkdown.markdownInline(p.text())).append('\n');
      } else if (block instanceof SectionMarkdown.Bullets b) {
        b.items().forEach(i -> out.append("- ").append(SectionMarkdown.markdownInline(i)).append('\n'));
      } else if (block instanceof SectionMarkdown.Grid g) {
        List<String> header = g.header().isEmpty() ? Collections.nCopies(g.rows().get(0).size(), "") : g.header();
        row(header.stream().map(SectionMarkdown::markdownInline).toList());
        row(Collections.nCopies(header.size(), "---"));
        g.rows().forEach(r -> row(r.stream().map(SectionMarkdown::markdownInline).toList()));
      }
      out.append('\n');
    }
  }
}
