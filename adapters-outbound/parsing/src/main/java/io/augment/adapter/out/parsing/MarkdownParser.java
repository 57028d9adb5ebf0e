package io.augment.adapter.out.parsing;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/** CommonMark rendered to plain text, one paragraph per block; the title is the first heading. */
public final class MarkdownParser implements DocumentParser {
  private final Parser parser = Parser.builder().build();
  private final TextContentRenderer renderer =
      TextContentRenderer.builder()
          .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
          .nodeRendererFactory(PlainInlines::new)
          .build();

  @Override
  public Set<String> mediaTypes() {
    return Set.of("text/markdown");
  }

  @Override
  public ParsedDocument parse(byte[] content) {
    Node document = parser.parse(TextBytes.decode(content));
    return new ParsedDocument(firstHeading(document), Paragraphs.normalize(renderer.render(document)));
  }

  private String firstHeading(Node document) {
    Heading[] first = new Heading[1];
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        if (first[0] == null) {
          first[0] = heading;
        }
      }
    });
    return first[0] == null ? null : Paragraphs.titleOrNull(renderer.render(first[0]));
  }
}
