package io.augment.application.evaluation.report;

import io.augment.domain.evaluation.QuestionResult;
import java.util.List;

/**
 * Writes a report as one self-contained page: inline CSS and SVG, no script, no external
 * reference, written as XHTML-compatible markup (it parses as XML); every text from the run is escaped.
 */
final class HtmlReport {
  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#111827;background:#f9fafb}
      main{max-width:1180px;margin:0 auto;padding:24px 28px 64px}
      h1{font-size:1.6rem;margin:0 0 12px;overflow-wrap:anywhere}
      h2{font-size:1.25rem;margin:36px 0 10px;border-bottom:1px solid #d1d5db;padding-bottom:4px}
      h3{font-size:1.05rem;margin:24px 0 6px}
      p.note{color:#4b5563;margin:4px 0 10px}
      dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0}
      dl.facts dt{font-weight:600}
      dl.facts dd{margin:0;overflow-wrap:anywhere}
      .scroll{overflow-x:auto;background:#fff;border:1px solid #e5e7eb;border-radius:6px}
      table{border-collapse:collapse;font-size:.86rem;width:100%}
      th,td{padding:5px 9px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
      th{background:#f3f4f6;font-weight:600;white-space:nowrap}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      td.name{font-weight:600;max-width:320px;overflow-wrap:anywhere}
      td.text{max-width:420px;overflow-wrap:anywhere}
      td.muted{color:#9ca3af;white-space:nowrap}
      figure{margin:18px 0;background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:10px 12px}
      figcaption{color:#4b5563;font-size:.88rem;margin-top:4px}
      figcaption .missing{color:#92400e}
      svg.chart{max-width:100%;height:auto;font-size:11px}
      svg .chart-title{font-size:14px;font-weight:600;fill:#111827}
      svg .tick,svg .legend,svg .bar-value{fill:#374151}
      svg .axis-title{fill:#374151;font-size:12px}
      svg .band-label{fill:#6b7280;font-size:10px}
      svg .point-label,svg .bar-name{fill:#111827}
      svg .missing{fill:#9ca3af;font-style:italic}
      svg .grid{stroke:#e5e7eb;stroke-width:1}
      svg .axis{stroke:#6b7280;stroke-width:1}
      svg .stem{stroke:#9ca3af;stroke-width:1}
      svg .zero-band{fill:#f3f4f6}
      svg .em{fill:#1f5fa8;stroke:#1f5fa8;stroke-width:1.5}
      svg .f1{fill:#d9731a;stroke:#d9731a;stroke-width:1.5}
      svg .hollow{fill:#ffffff}
      svg .bar-a{fill:#1f5fa8}
      svg .bar-b{fill:#d9731a}
      code{background:#f3f4f6;padding:0 3px;border-radius:3px}
      """;

  private final StringBuilder out = new StringBuilder();

  String render(ReportModel model, List<QuestionResult> results, List<ReportSection> sections) {
    String title = "Evaluation run " + model.run().id();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(Text.html(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
        .append("<body>\n<main>\n<h1>").append(Text.html(title)).append("</h1>\n<dl class=\"facts\">\n");
    for (RunFacts.Fact fact : RunFacts.of(model)) {
      out.append("<dt>").append(Text.html(fact.label())).append("</dt><dd>").append(Text.html(fact.value())).append("</dd>\n");
    }
    out.append("</dl>\n<h2>Charts</h2>\n");
    new ReportCharts(model).figures().forEach(this::figure);
    out.append("<h2>Measures</h2>\n<p class=\"note\">Values not recorded by what produced a contender read "
        + "\u201cnot recorded\u201d; measures that do not apply to a contender read \u201cn/a\u201d.</p>\n");
    new MeasureTables(model).tables().forEach(t -> table(t, "h3"));
    sections.forEach(this::section);
    table(QuestionAppendix.of(results), "h2");
    return out.append("</main>\n</body>\n</html>\n").toString();
  }

  private void figure(ReportCharts.Figure f) {
    out.append("<figure id=\"").append(f.id()).append("-figure\">\n");
    if (f.svg() != null) {
      out.append(f.svg()).append('\n');
    }
    out.append("<figcaption>").append(Text.html(f.caption()));
    if (!f.notPlotted().isEmpty()) {
      out.append(" <span class=\"missing\">Not plotted (not recorded): ")
          .append(Text.html(String.join(", ", f.notPlotted()))).append(".</span>");
    }
    out.append("</figcaption>\n</figure>\n");
  }

  private void table(Table table, String heading) {
    out.append('<').append(heading).append('>').append(Text.html(table.title())).append("</").append(heading).append(">\n");
    if (table.note() != null) {
      out.append("<p class=\"note\">").append(Text.html(table.note())).append("</p>\n");
    }
    if (table.rows().isEmpty()) {
      return;
    }
    out.append("<div class=\"scroll\"><table class=\"measures\">\n<thead><tr>");
    table.headers().forEach(h -> out.append("<th>").append(Text.html(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : table.rows()) {
      out.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        out.append("<td class=\"").append(cellClass(i, row.get(i))).append("\">").append(Text.html(row.get(i))).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
  }

  private static String cellClass(int column, String value) {
    if (value.equals(Format.NOT_RECORDED) || value.equals(Format.NOT_APPLICABLE)) {
      return "muted";
    }
    if (value.matches("[-+<]?[0-9][0-9,]*(\\.[0-9]+)?( ?(%|[KMGTP]?i?B|B))?")) {
      return "num";
    }
    return column == 0 ? "name" : "text";
  }

  private void section(ReportSection section) {
    out.append("<section>\n<h2>").append(Text.html(section.title())).append("</h2>\n");
    for (SectionMarkdown.Block block : SectionMarkdown.parse(section.markdown())) {
      if (block instanceof SectionMarkdown.Heading h) {
        out.append("<h3>").append(SectionMarkdown.htmlInline(h.text())).append("</h3>\n");
      } else if (block instanceof SectionMarkdown.Paragraph p) {
        out.append("<p>").append(SectionMarkdown.htmlInline(p.text())).append("</p>\n");
      } else if (block instanceof SectionMarkdown.Bullets b) {
        out.append("<ul>\n");
        b.items().forEach(i -> out.append("<li>").append(SectionMarkdown.htmlInline(i)).append("</li>\n"));
        out.append("</ul>\n");
      } else if (block instanceof SectionMarkdown.Grid g) {
        out.append("<div class=\"scroll\"><table>\n");
        if (!g.header().isEmpty()) {
          out.append("<thead><tr>");
          g.header().forEach(c -> out.append("<th>").append(SectionMarkdown.htmlInline(c)).append("</th>"));
          out.append("</tr></thead>\n");
        }
        out.append("<tbody>\n");
        for (List<String> row : g.rows()) {
          out.append("<tr>");
          row.forEach(c -> out.append("<td>").append(SectionMarkdown.htmlInline(c)).append("</td>"));
          out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
      }
    }
    out.append("</section>\n");
  }
}
