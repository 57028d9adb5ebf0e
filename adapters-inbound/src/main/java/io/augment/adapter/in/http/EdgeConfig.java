package io.augment.adapter.in.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP edge's settings ({@code augment.http.*}). A mapping of its own, beside the
 * application's {@code augment} mapping, so that setting these keys passes config validation.
 */
@ConfigMapping(prefix = "augment.http")
public interface EdgeConfig {

  /**
   * Browser origins besides the server's own that may call {@code /api} and {@code /v1}
   * (e.g. {@code https://app.example.com}); they get CORS headers. Any other {@code Origin}: 403.
   */
  Optional<List<String>> allowedOrigins();

  /** The longest request target (path and query) answered; a longer one gets 414 with a body. */
  @WithDefault("4096")
  int maxUriLength();

  /** The most header bytes a request may carry; more gets 431 with a body. */
  @WithDefault("20480")
  int maxHeaderBytes();
}
