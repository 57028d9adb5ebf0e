package io.augment.adapter.in.grpc;

/** Derives a document id from an uploaded file's name. */
final class FileNames {
  private FileNames() {}

  /** The name without directories or extension, made into a valid document id; null when nothing is left. */
  static String documentId(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return null;
    }
    String base = fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
    String id = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return id.isEmpty() ? null : id;
  }
}
