package io.augment.bootstrap.openai;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("shared-app")
class ChatCompletionsApiTest {
  private static final String CHAT = "/v1/chat/completions";
  private static final ObjectMapper JSON = new ObjectMapper();
  private String kb;

  @BeforeEach
  void seed() {
    kb = KnowledgeBases.shared();
  }

  private static Map<String, Object> question(String model, String text) {
    return Map.of("model", model, "messages", List.of(
        Map.of("role", "system", "content", "Answer briefly."), Map.of("role", "user", "content", text)));
  }

  @Test
  void ragModelAnswersTheLastUserMessageWithCitations() {
    given().contentType(ContentType.JSON).body(question("rag:" + kb, "What causes the tides?")).post(CHAT)
        .then().statusCode(200).contentType(ContentType.JSON)
        .body("id", startsWith("chatcmpl-")).body("object", equalTo("chat.completion"))
        .body("created", greaterThan(1_700_000_000)).body("model", equalTo("rag:" + kb))
        .body("choices", hasSize(1)).body("choices[0].index", equalTo(0))
        .body("choices[0].message.role", equalTo("assistant"))
        .body("choices[0].message.content", containsString("Moon"))
        .body("choices[0].finish_reason", equalTo("stop")).body("choices[0].logprobs", nullValue())
        .body("usage.prompt_tokens", greaterThan(0)).body("usage.completion_tokens", greaterThan(0))
        .body("citations[0].number", equalTo(1)).body("citations[0].document_id", equalTo("tides"))
        .body("citations[0].chunk_id", equalTo("tides#0")).body("citations[0].title", equalTo("Tides"))
        .body("citations[0].cited", equalTo(true));
  }

  @Test
  void retrievalExtensionSetsHowManySourcesAreRetrieved() {
    Map<String, Object> body = new java.util.HashMap<>(question("rag:" + kb, "What makes dough rise?"));
    body.put("retrieval", Map.of("top_k", 1, "mode", "hybrid"));
    given().contentType(ContentType.JSON).body(body).post(CHAT)
        .then().statusCode(200).body("citations", hasSize(1)).body("citations[0].document_id", equalTo("bread"));
  }

  @Test
  void retrievalFilterRestrictsTheSources() {
    Map<String, Object> body = new java.util.HashMap<>(question("rag:" + kb, "What makes dough rise?"));
    body.put("retrieval", Map.of("top_k", 3, "filter", Map.of("documentId", List.of("tides"))));
    given().contentType(ContentType.JSON).body(body).post(CHAT)
        .then().statusCode(200).body("citations.document_id", org.hamcrest.Matchers.everyItem(equalTo("tides")));

    body.put("retrieval", Map.of("filter", Map.of("year", Map.of("after", "2020"))));
    given().contentType(ContentType.JSON).body(body).post(CHAT)
        .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
        .body("error.param", equalTo("retrieval.filter.year"));
  }

  @Test
  void baseModelAnswersFromTheConversationWithoutCitations() {
    Response r = given().contentType(ContentType.JSON).body(question(KnowledgeBases.BASE_MODEL, "Hello?")).post(CHAT);
    r.then().statusCode(200).body("model", equalTo(KnowledgeBases.BASE_MODEL))
        .body("choices[0].message.role", equalTo("assistant")).body("citations", nullValue());
    int prompt = r.path("usage.prompt_tokens");
    int completion = r.path("usage.completion_tokens");
    assertThat((int) r.path("usage.total_tokens")).isEqualTo(prompt + completion);
  }

  @Test
  void streamsChunksInOpenAiFormatEndingWithDone() throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(question("rag:" + kb, "What causes the tides?"));
    body.put("stream", true);
    body.put("stream_options", Map.of("include_usage", true));
    String stream = given().contentType(ContentType.JSON).body(body).post(CHAT)
        .then().statusCode(200).contentType(startsWith("text/event-stream")).extract().asString();

    String[] events = stream.split("\n\n");
    assertThat(events).allMatch(e -> e.startsWith("data: "));
    assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
    List<JsonNode> chunks = new ArrayList<>();
    for (int i = 0; i < events.length - 1; i++) {
      chunks.add(JSON.readTree(events[i].substring("data: ".length())));
    }
    String id = chunks.get(0).get("id").asText();
    assertThat(id).startsWith("chatcmpl-");
    assertThat(chunks).allMatch(c -> c.get("id").asText().equals(id) && c.get("object").asText().equals("chat.completion.chunk")
        && c.get("model").asText().equals("rag:" + kb) && c.get("created").asLong() > 0);
    assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");

    JsonNode usage = chunks.get(chunks.size() - 1);
    assertThat(usage.get("choices")).isEmpty();
    assertThat(usage.at("/usage/total_tokens").asInt()).isPositive();
    JsonNode finish = chunks.get(chunks.size() - 2);
    assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(finish.at("/citations/0/document_id").asText()).isEqualTo("tides");

    List<JsonNode> content = chunks.subList(1, chunks.size() - 2);
    assertThat(content).isNotEmpty().allMatch(c -> c.at("/choices/0/finish_reason").isNull()
        && c.at("/choices/0/delta").has("content"));
    StringBuilder text = new StringBuilder();
    content.forEach(c -> text.append(c.at("/choices/0/delta/content").asText()));
    String whole = given().contentType(ContentType.JSON).body(question("rag:" + kb, "What causes the tides?")).post(CHAT)
        .then().statusCode(200).extract().path("choices[0].message.content");
    assertThat(text.toString()).isEqualTo(whole);
  }

  @Test
  void streamLeavesOutTheUsageChunkUnlessAsked() {
    Map<String, Object> body = new java.util.HashMap<>(question("rag:" + kb, "What causes the tides?"));
    body.put("stream", true);
    String stream = given().contentType(ContentType.JSON).body(body).post(CHAT).then().statusCode(200).extract().asString();
    assertThat(stream).doesNotContain("\"usage\"").contains("\"finish_reason\":\"stop\"").endsWith("data: [DONE]\n\n");
  }
}
