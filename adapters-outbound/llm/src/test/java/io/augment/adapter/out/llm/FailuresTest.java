package io.augment.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import java.net.ConnectException;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void retriesServerErrorsRateLimitsAndLostConnectionsOnly() {
    assertThat(Failures.retriable(new InternalServerException(new HttpException(502, "bad gateway")))).isTrue();
    assertThat(Failures.retriable(new RateLimitException(new HttpException(429, "slow down")))).isTrue();
    assertThat(Failures.retriable(new HttpException(408, "request timeout"))).isTrue();
    assertThat(Failures.retriable(new RuntimeException(new ConnectException()))).isTrue();
    assertThat(Failures.retriable(new AuthenticationException(new HttpException(401, "bad key")))).isFalse();
    assertThat(Failures.retriable(new HttpException(400, "unknown parameter"))).isFalse();
    assertThat(Failures.retriable(new CircuitBreakerOpenException())).isFalse();
    assertThat(Failures.retriable(new IllegalStateException("a bug"))).isFalse();
  }

  @Test
  void describesTheStatusAndAShortenedOneLineBody() {
    String body = "{\"error\":\n  \"" + "x".repeat(1000) + "\"}";
    String description = Failures.describe(new RateLimitException(new HttpException(429, body)), Duration.ZERO);
    assertThat(description).startsWith("HTTP 429: {\"error\": \"xxx").endsWith("...").doesNotContain("\n");
    assertThat(description.length()).isLessThan(320);
  }

  @Test
  void writesDurationsForPeople() {
    assertThat(Failures.readable(Duration.ofMillis(800))).isEqualTo("800 ms");
    assertThat(Failures.readable(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(Failures.readable(Duration.ofMillis(1500))).isEqualTo("1.5 s");
  }
}
