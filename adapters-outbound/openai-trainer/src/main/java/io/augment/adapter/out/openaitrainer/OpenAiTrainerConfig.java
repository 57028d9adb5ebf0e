package io.augment.adapter.out.openaitrainer;

import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.LoraSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Where a remote OpenAI-compatible fine-tuning service is and how {@link OpenAiFineTuner} calls it.
 *
 * @param baseUrl        the API root with its version, e.g. {@code https://api.openai.com/v1} or
 *                       {@code http://trainer:8080/v1} (the same root the chat generator uses); a
 *                       trailing slash is dropped
 * @param apiKey         sent as {@code Authorization: Bearer}; null or blank sends none; never shown
 * @param requestTimeout the longest one HTTP attempt may take (also the connect timeout)
 * @param pollInterval   wait between two polls of a running job
 * @param maxRetries     further attempts after a retriable failure (5xx, 408, 429, timeout, no connection)
 * @param initialBackoff wait before the first retry, doubled for each next one (moved at random by up
 *                       to a quarter of it); a 429's {@code Retry-After} of at most 30 s replaces it
 * @param maxBackoff     the longest computed wait between two attempts
 * @param followPatience how long a followed job may go without one successful poll before it is
 *                       reported failed ("could not be reached")
 * @param stateDir       where each job's small state file {@code <jobId>.json} is kept
 * @param defaults       what {@link OpenAiFineTuner#defaults()} reports; its learning rates are the
 *                       remote's defaults that {@code learning_rate_multiplier} multiplies
 */
public record OpenAiTrainerConfig(
    String baseUrl, String apiKey, Duration requestTimeout, Duration pollInterval, int maxRetries,
    Duration initialBackoff, Duration maxBackoff, Duration followPatience, Path stateDir, FineTuneDefaults defaults) {

  /** LoRA r=8, alpha 16, dropout 0.05 on {@code c_attn}; learning rates 2e-3 (LoRA) and 5e-4 (full), as the local engine. */
  public static final FineTuneDefaults DEFAULTS =
      new FineTuneDefaults(new LoraSettings(8, 16, 0.05, Set.of("c_attn")), 2e-3, 5e-4, null);

  public OpenAiTrainerConfig {
    baseUrl = checkedUrl(baseUrl);
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    positive(requestTimeout, "requestTimeout");
    positive(pollInterval, "pollInterval");
    positive(initialBackoff, "initialBackoff");
    positive(maxBackoff, "maxBackoff");
    positive(followPatience, "followPatience");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(defaults, "defaults");
  }

  /** Timeout 30 s, poll every 1 s, 3 retries backing off from 500 ms to 8 s, patience 5 min, {@link #DEFAULTS}. */
  public OpenAiTrainerConfig(String baseUrl, String apiKey, Path stateDir) {
    this(baseUrl, apiKey, Duration.ofSeconds(30), Duration.ofSeconds(1), 3, Duration.ofMillis(500),
        Duration.ofSeconds(8), Duration.ofMinutes(5), stateDir, DEFAULTS);
  }

  public OpenAiTrainerConfig withPollInterval(Duration interval) {
    return new OpenAiTrainerConfig(baseUrl, apiKey, requestTimeout, interval, maxRetries, initialBackoff, maxBackoff,
        followPatience, stateDir, defaults);
  }

  public OpenAiTrainerConfig withRetries(Duration timeout, int retries, Duration initial, Duration max) {
    return new OpenAiTrainerConfig(baseUrl, apiKey, timeout, pollInterval, retries, initial, max, followPatience,
        stateDir, defaults);
  }

  public OpenAiTrainerConfig withFollowPatience(Duration patience) {
    return new OpenAiTrainerConfig(baseUrl, apiKey, requestTimeout, pollInterval, maxRetries, initialBackoff,
        maxBackoff, patience, stateDir, defaults);
  }

  public OpenAiTrainerConfig withDefaults(FineTuneDefaults other) {
    return new OpenAiTrainerConfig(baseUrl, apiKey, requestTimeout, pollInterval, maxRetries, initialBackoff,
        maxBackoff, followPatience, stateDir, other);
  }

  public OpenAiTrainerConfig withApiKey(String key) {
    return new OpenAiTrainerConfig(baseUrl, key, requestTimeout, pollInterval, maxRetries, initialBackoff,
        maxBackoff, followPatience, stateDir, defaults);
  }

  /** {@code host:port} of the remote, for messages. */
  public String host() {
    URI uri = URI.create(baseUrl);
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** Never shows the API key. */
  @Override
  public String toString() {
    return "OpenAiTrainerConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
        + ", requestTimeout=" + requestTimeout + ", pollInterval=" + pollInterval + ", maxRetries=" + maxRetries
        + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", followPatience=" + followPatience
        + ", stateDir=" + stateDir + ", defaults=" + defaults + "]";
  }

  private static String checkedUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("baseUrl must not be blank");
    }
    String trimmed = url.strip().replaceAll("/+$", "");
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + url, e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host, got " + url);
    }
    return trimmed;
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
