package io.augment.bootstrap.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.adapter.in.grpc.GrpcErrors;
import io.augment.adapter.in.openai.OpenAiException;
import io.augment.adapter.in.rest.Problems;
import io.augment.domain.model.CapacityExceededException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** A full queue is "try again later" on every protocol, never a 500 a client would treat as a bug. */
class CapacityErrorsTest {
  private final CapacityExceededException full =
      new CapacityExceededException("the fine-tuning queue is full (8 jobs waiting; augment.engine.max-queued-jobs)");

  @Test
  void aFullQueueIsTooManyRequestsOnRestAndV1AndResourceExhaustedOnGrpc() {
    assertThat(Problems.of(full).status()).isEqualTo(429);
    assertThat(Problems.of(full).detail()).contains("queue is full");
    assertThat(OpenAiException.from(full).status()).isEqualTo(429);
    assertThat(GrpcErrors.toStatus(full).getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }
}
