package io.augment.bootstrap.adaptation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The fine-tuning tests' data and waits: a small chat JSONL file, and polling a job until it ends. */
final class TrainingData {
  /** Four chat examples in OpenAI's fine-tuning format. */
  static final String CHAT_JSONL = """
      {"messages":[{"role":"system","content":"Answer briefly."},{"role":"user","content":"What pulls the oceans?"},{"role":"assistant","content":"The Moon pulls the oceans."}]}
      {"messages":[{"role":"user","content":"What makes bread rise?"},{"role":"assistant","content":"Yeast makes bread rise."}]}

      {"messages":[{"role":"user","content":"Where do glaciers form?"},{"role":"assistant","content":"Where snow piles up."}]}
      {"messages":[{"role":"user","content":"Why do volcanoes erupt?"},{"role":"assistant","content":"Magma reaches the surface."}]}
      """;
  static final int CHAT_EXAMPLES = 4;

  /** Line 2 is not one of the example forms. */
  static final String BAD_LINE_2_JSONL = """
      {"prompt":"Why do tides rise?","completion":" The Moon."}
      {"question":"What is this?"}
      """;

  private TrainingData() {}

  static byte[] chat() {
    return CHAT_JSONL.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] badLine2() {
    return BAD_LINE_2_JSONL.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code n} chat examples: with 100 epochs at batch 1, a run far longer than any test waits. */
  static byte[] manyChats(int n) {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < n; i++) {
      jsonl.append("{\"messages\":[{\"role\":\"user\",\"content\":\"What is ").append(i)
          .append(" plus one?\"},{\"role\":\"assistant\",\"content\":\"").append(i + 1).append(".\"}]}\n");
    }
    return jsonl.toString().getBytes(StandardCharsets.UTF_8);
  }

  static boolean finished(String status) {
    return List.of("succeeded", "failed", "cancelled").contains(status);
  }

  /** GETs {@code location} until its {@code status} has ended, and returns the final body. */
  static JsonPath awaitEnd(String location) {
    return awaitStatus(location, TrainingData::finished);
  }

  /** GETs {@code location} until {@code wanted} holds for its {@code status}. */
  static JsonPath awaitStatus(String location, Function<String, Boolean> wanted) {
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(300))
        .until(() -> wanted.apply(given().get(location).then().statusCode(200).extract().path("status")));
    return given().get(location).then().statusCode(200).extract().jsonPath();
  }
}
