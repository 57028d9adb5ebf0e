package io.augment.adapter.in.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a status description the way the gRPC spec says: the {@code grpc-message} trailer keeps
 * printable ASCII as is and percent-encodes only '%' and other bytes. The Vert.x transport instead
 * URL-encodes the description ({@code text%3A%20must...}), which grpc-js shows undecoded; giving it a
 * status without description and the trailer already encoded sidesteps that.
 */
final class StatusMessages {
  /** The raw trailer; its value is already encoded, so the ASCII marshaller passes it through. */
  static final Metadata.Key<String> MESSAGE = Metadata.Key.of("grpc-message", Metadata.ASCII_STRING_MARSHALLER);

  private StatusMessages() {}

  /** {@code status} without its description, which now rides in {@code trailers} as {@code grpc-message}. */
  static StatusRuntimeException plain(Status status, Metadata trailers) {
    Metadata all = new Metadata();
    if (trailers != null) {
      all.merge(trailers);
    }
    if (status.getDescription() == null) {
      return status.asRuntimeException(all);
    }
    all.removeAll(MESSAGE);
    all.put(MESSAGE, encode(status.getDescription()));
    return Status.fromCode(status.getCode()).withCause(status.getCause()).asRuntimeException(all);
  }

  /** Percent-encodes per the gRPC spec: printable ASCII other than '%' stays readable. */
  static String encode(String message) {
    StringBuilder encoded = new StringBuilder(message.length());
    for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 0x20 && c <= 0x7e && c != '%') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }
}
