package io.augment.application.ingest;

import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import io.augment.domain.model.UnsupportedMediaTypeException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The configured parsers by media type, and the media type of a file by its name. */
public final class DocumentParsers {
  private static final Map<String, String> BY_EXTENSION = Map.of(
      "txt", "text/plain", "text", "text/plain", "md", "text/markdown", "markdown", "text/markdown",
      "html", "text/html", "htm", "text/html", "pdf", "application/pdf");

  private final Map<String, DocumentParser> byType = new TreeMap<>();

  public DocumentParsers(List<DocumentParser> parsers) {
    parsers.forEach(p -> p.mediaTypes().forEach(t -> byType.put(t, p)));
  }

  public ParsedDocument parse(String mediaType, byte[] content) {
    DocumentParser parser = byType.get(normalise(mediaType));
    if (parser == null) {
      throw new UnsupportedMediaTypeException(mediaType, byType.keySet());
    }
    return parser.parse(content);
  }

  /**
   * The media type to parse a file as: by its extension when known, else the declared type when a
   * parser reads it. @throws UnsupportedMediaTypeException otherwise
   */
  public String mediaTypeOf(String filename, String declared) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String byExtension = dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1));
    if (byExtension != null && byType.containsKey(byExtension)) {
      return byExtension;
    }
    String type = normalise(declared);
    if (byType.containsKey(type)) {
      return type;
    }
    throw new UnsupportedMediaTypeException(
        filename == null ? String.valueOf(declared) : filename + " (" + declared + ")", byType.keySet());
  }

  private static String normalise(String mediaType) {
    if (mediaType == null) {
      return "";
    }
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
