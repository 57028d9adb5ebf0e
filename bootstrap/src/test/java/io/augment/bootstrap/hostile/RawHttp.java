package io.augment.bootstrap.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for header bytes no client library sends: control characters,
 * non-ASCII, repeated headers. One request per connection ({@code Connection: close}).
 */
final class RawHttp {
  private final String host;
  private final int port;

  RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** A reply: status, headers by lower-case name (the last of each), body as text. */
  record Reply(int status, Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    Http.Reply asHttp() {
      return new Http.Reply(status, contentType(), body);
    }
  }

  /** GET {@code path} with {@code headers} as written, each a {@code name: value} line, in this order. */
  Reply get(String path, List<byte[]> headers) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n"
          + Http.CSRF_HEADER + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
      for (byte[] header : headers) {
        out.write(header);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " got no reply", e);
    }
  }

  /** {@code name: value} with the value's characters as UTF-8 bytes. */
  static byte[] header(String name, String value) {
    return (name + ": " + value).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException reset) {
      if (out.size() == 0) {
        throw reset;
      }
    }
    return out.toByteArray();
  }

  private static Reply parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      throw new AssertionError("not an HTTP reply: " + (text.length() > 200 ? text.substring(0, 200) : text));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Reply(status, headers, body);
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int line = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, line).split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, line + 2, line + 2 + size); // ASCII bodies: characters are bytes
      at = line + 2 + size + 2;
    }
  }
}
