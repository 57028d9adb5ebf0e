package io.augment.bootstrap.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augment.adapter.in.EvaluationJsonl;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSONL reader REST and gRPC share, on inputs too large for the test server's body limit. */
class EvaluationJsonlTest {
  private static final String LINE = "{\"question\":\"q\",\"answers\":[\"a\"]}";

  @Test
  void readsTenThousandQuestionsAndRefusesTheNextNamingItsLine() {
    assertThat(EvaluationJsonl.read("file", (LINE + "\n").repeat(10_000))).hasSize(10_000);
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
        () -> EvaluationJsonl.read("file", (LINE + "\n\n").repeat(10_001)));
    assertThat(refused.field()).isEqualTo("file");
    assertThat(refused.getMessage()).startsWith("file: line 20001: more than 10000 questions");
  }

  @Test
  void readsWindowsLineEndsAndAByteOrderMarkAsTheSameQuestions() {
    String text = "\uFEFF" + LINE + "\r\n\r\n{\"question\":\"r\",\"answers\":[\"b\",\"c\"],\"documentIds\":[\"d\"]}\r\n";
    List<EvaluationQuestion> questions = EvaluationJsonl.read("jsonl", text.getBytes(StandardCharsets.UTF_8));
    assertThat(questions).containsExactly(new EvaluationQuestion("q", List.of("a"), List.of()),
        new EvaluationQuestion("r", List.of("b", "c"), List.of("d")));
  }
}
