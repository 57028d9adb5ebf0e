package io.augment.bootstrap.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body written by hand, so a case can break it in any way. */
final class Multipart {
  static final String BOUNDARY = "hostile-boundary-7f3a";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A file part; {@code filename} null writes a part without one. */
  Multipart file(String filename, String contentType, byte[] content) {
    String disposition = "form-data; name=\"file\"" + (filename == null ? "" : "; filename=\"" + filename + "\"");
    return part(disposition, contentType, content);
  }

  Multipart field(String name, String value) {
    return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The body with its closing boundary. */
  byte[] bytes() {
    return concat(out.toByteArray(), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The body without its closing boundary. */
  byte[] unterminated() {
    return out.toByteArray();
  }

  static String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  private Multipart part(String disposition, String contentType, byte[] content) {
    StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
