package io.augment.application.ingest;

import java.text.Normalizer;
import java.util.Locale;

/** Derives document ids when the caller gives none. */
public final class DocumentIds {
  private DocumentIds() {}

  /** An uploaded file's name without directories or extension, made into a valid id; null when nothing is left. */
  public static String fromFileName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return null;
    }
    String base = fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
    String id = base.replaceAll("[^A-Za-z0-9._()~-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return id.isEmpty() ? null : id;
  }

  static String derive(String title, String contentHash) {
    if (title != null) {
      String slug = Normalizer.normalize(title, Normalizer.Form.NFKD)
          .replaceAll("\\p{M}", "")
          .toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9]+", "-")
          .replaceAll("(^-+|-+$)", "");
      if (!slug.isEmpty()) {
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
      }
    }
    return "doc-" + contentHash.substring(0, 16);
  }
}
