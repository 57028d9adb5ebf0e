package io.augment.application.ingest;

import java.text.Normalizer;
import java.util.Locale;

/** Derives a document id when the caller gives none: a slug of the title, else the hash's start. */
final class DocumentIds {
  private DocumentIds() {}

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
