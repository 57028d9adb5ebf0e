package io.augment.application.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 over everything that ends up in a document's chunks: title, text and metadata. */
final class ContentHash {
  private ContentHash() {}

  static String of(String title, String text, Map<String, String> metadata) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(title.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      new TreeMap<>(metadata).forEach((k, v) -> {
        digest.update((byte) 0);
        digest.update((k + "=" + v).getBytes(StandardCharsets.UTF_8));
      });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
