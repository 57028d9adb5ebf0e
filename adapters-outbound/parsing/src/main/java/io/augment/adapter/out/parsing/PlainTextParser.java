package io.augment.adapter.out.parsing;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import java.util.Set;

/** Plain text files; they carry no title. */
public final class PlainTextParser implements DocumentParser {

  @Override
  public Set<String> mediaTypes() {
    return Set.of("text/plain");
  }

  @Override
  public ParsedDocument parse(byte[] content) {
    return new ParsedDocument(null, Paragraphs.normalize(TextBytes.decode(content)));
  }
}
