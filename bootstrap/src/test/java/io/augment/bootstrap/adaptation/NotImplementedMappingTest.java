package io.augment.bootstrap.adaptation;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.adapter.in.grpc.GrpcErrors;
import io.augment.adapter.in.openai.OpenAiException;
import io.augment.adapter.in.rest.Problems;
import io.augment.domain.model.NotImplementedException;
import io.grpc.Metadata;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** A capability the server is configured without is "not implemented" in every protocol, with the reason. */
class NotImplementedMappingTest {
  private static final NotImplementedException OFF =
      new NotImplementedException("fine-tuning is switched off on this server (augment.fine-tuning.provider=none)");

  @Test
  void restAnswers501ProblemWithTheReason() {
    var problem = Problems.of(OFF);
    assertThat(problem.status()).isEqualTo(501);
    assertThat(problem.detail()).contains("augment.fine-tuning.provider=none");
    assertThat(problem.errorId()).as("not a bug: no error id").isNull();
  }

  @Test
  void openAiApiAnswers501ServerErrorWithTheReason() {
    OpenAiException e = OpenAiException.from(OFF);
    assertThat(e.status()).isEqualTo(501);
    assertThat(e.code()).isEqualTo("not_implemented");
    assertThat(e.body().error().type()).isEqualTo("server_error");
    assertThat(e.getMessage()).contains("augment.fine-tuning.provider=none");
  }

  @Test
  void grpcAnswersUnimplementedWithTheReason() {
    var e = GrpcErrors.toStatus(OFF);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(e.getTrailers().get(Metadata.Key.of("grpc-message", Metadata.ASCII_STRING_MARSHALLER)))
        .as("the description, as the grpc-message trailer").contains("augment.fine-tuning.provider=none");
  }
}
