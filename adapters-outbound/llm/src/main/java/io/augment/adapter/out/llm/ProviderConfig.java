package io.augment.adapter.out.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model server is and how to call it.
 *
 * @param baseUrl    the API root, e.g. {@code https://api.openai.com/v1}, {@code http://localhost:11434/v1}
 *                   (Ollama's OpenAI-compatible API), {@code http://localhost:8000/v1} (vLLM); a trailing
 *                   slash is dropped
 * @param apiKey     sent as {@code Authorization: Bearer}; null or blank (stored as null) sends none
 * @param model      the model's name on that server
 * @param resilience timeout, retries and circuit breaker
 * @param headers    extra HTTP headers sent with every request (OpenAI-compatible adapters)
 */
public record ProviderConfig(String baseUrl, String apiKey, String model, Resilience resilience, Map<String, String> headers) {

  public ProviderConfig {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    baseUrl = checkedUrl(baseUrl);
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    Objects.requireNonNull(resilience, "resilience");
  }

  public ProviderConfig(String baseUrl, String apiKey, String model, Resilience resilience) {
    this(baseUrl, apiKey, model, resilience, Map.of());
  }

  /** The given timeout and retries with the default backoff and circuit breaker. */
  public ProviderConfig(String baseUrl, String apiKey, String model, Duration timeout, int maxRetries) {
    this(baseUrl, apiKey, model, Resilience.of(timeout, maxRetries));
  }

  public Duration timeout() {
    return resilience.timeout();
  }

  public ProviderConfig withResilience(Resilience other) {
    return new ProviderConfig(baseUrl, apiKey, model, other, headers);
  }

  public ProviderConfig withHeaders(Map<String, String> extra) {
    return new ProviderConfig(baseUrl, apiKey, model, resilience, extra);
  }

  /** Never shows the API key. */
  @Override
  public String toString() {
    return "ProviderConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", model="
        + model + ", resilience=" + resilience + ", headers=" + headers.keySet() + "]";
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
}
