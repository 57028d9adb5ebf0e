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

  /**
   * GET {@code path} with {@code headers} as written, each a {@code name: value} line, in this order.
   * A connection the server closed or reset before any reply byte arrived (it may refuse an
   * oversized head and close while the rest is still being written) reads as status 0.
   */
  Reply get(String path, List<byte[]> headers) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n"
            + Http.CSRF_HEADER + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] header : headers) {
          out.write(header);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedWhileWriting) {
        // The server stopped reading: whatever it answered is still to be read below.
      }
      byte[] reply;
      try {
        reply = readAll(socket.getInputStream());
      } catch (java.net.SocketTimeoutException e) {
        throw e;
      } catch (IOException reset) {
        reply = new byte[0];
      }
      return reply.length == 0 ? CLOSED : parse(reply);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " got no reply", e);
    }
  }

  /** The reply to a request whose connection was closed before any reply byte arrived. */
  static final Reply CLOSED = new Reply(0, Map.of(), "(connection closed before a reply)");

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
