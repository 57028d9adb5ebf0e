package io.augment.adapter.in.grpc;

import com.google.protobuf.MessageLite;
import io.augment.domain.model.PayloadTooLargeException;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The most bytes one request may carry ({@code augment.limits.max-request-bytes}), as for REST. */
@Singleton
public class RequestLimit {
  private final long maxBytes;

  public RequestLimit(@ConfigProperty(name = "augment.limits.max-request-bytes", defaultValue = "20000000") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** @throws PayloadTooLargeException when the message is over the limit */
  public void check(MessageLite request) {
    check(request.getSerializedSize());
  }

  /** @throws PayloadTooLargeException when {@code bytes} is over the limit */
  public void check(long bytes) {
    if (bytes > maxBytes) {
      throw new PayloadTooLargeException("request", bytes, maxBytes);
    }
  }
}
