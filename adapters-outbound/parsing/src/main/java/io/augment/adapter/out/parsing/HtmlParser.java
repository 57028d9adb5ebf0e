package io.augment.adapter.out.parsing;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * HTML read with jsoup (charset from the byte-order mark or {@code <meta>}, else UTF-8). Scripts,
 * styles and navigation are dropped; block elements become paragraphs. The title is
 * {@code <title>}, else the first {@code <h1>}.
 */
public final class HtmlParser implements DocumentParser {
  private static final String NOT_CONTENT = "script, style, noscript, template, nav, svg, iframe, object, head";

  @Override
  public Set<String> mediaTypes() {
    return Set.of("text/html", "application/xhtml+xml");
  }

  @Override
  public ParsedDocument parse(byte[] content) {
    TextBytes.decode(content); // only to refuse binary content; jsoup finds the charset itself
    Document document = load(content);
    String title = Paragraphs.titleOrNull(document.title());
    if (title == null) {
      Element h1 = document.selectFirst("h1");
      title = h1 == null ? null : Paragraphs.titleOrNull(h1.text());
    }
    document.select(NOT_CONTENT).remove();
    HtmlText text = new HtmlText();
    NodeTraversor.traverse(text, document.body());
    return new ParsedDocument(title, Paragraphs.normalize(text.toString()));
  }

  private static Document load(byte[] content) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(content), null, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a byte array does not fail
    }
  }
}
