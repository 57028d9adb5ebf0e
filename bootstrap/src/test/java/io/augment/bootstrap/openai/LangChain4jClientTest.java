package io.augment.bootstrap.openai;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LangChain4j's OpenAI client, unchanged, pointed at Augment's /v1. */
@QuarkusTest
@Tag("shared-app")
class LangChain4jClientTest {
  private static final String API_KEY = "not-needed";
  private String kb;

  @TestHTTPResource("/v1")
  URL v1;

  @BeforeEach
  void seed() {
    kb = KnowledgeBases.shared();
  }

  private OpenAiChatModel chatModel(String model) {
    return OpenAiChatModel.builder().baseUrl(v1.toString()).apiKey(API_KEY).modelName(model).maxRetries(0).build();
  }

  @Test
  void chatModelAnswersOverAKnowledgeBase() {
    ChatResponse response = chatModel("rag:" + kb).chat(dev.langchain4j.data.message.UserMessage.from("What causes the tides?"));
    assertThat(response.aiMessage().text()).contains("Moon").contains("[1]");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.tokenUsage().totalTokenCount()).isPositive();
    assertThat(response.modelName()).isEqualTo("rag:" + kb);
    assertThat(response.id()).startsWith("chatcmpl-");
  }

  @Test
  void streamingChatModelDeliversTokensThatAddUpToTheAnswer() throws Exception {
    OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(v1.toString()).apiKey(API_KEY)
        .modelName("rag:" + kb).build();
    List<String> tokens = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    model.chat("What do the Moon and the Sun do to the tides?", new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        tokens.add(partial);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    ChatResponse response = done.get(60, TimeUnit.SECONDS);
    assertThat(tokens).hasSizeGreaterThan(1);
    assertThat(response.aiMessage().text()).isEqualTo(String.join("", tokens)).contains("Moon").contains("Sun");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.tokenUsage().totalTokenCount()).isPositive();
  }

  @Test
  void embeddingModelEmbedsThroughV1Embeddings() {
    OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder().baseUrl(v1.toString()).apiKey(API_KEY)
        .modelName(KnowledgeBases.EMBEDDING_MODEL).maxRetries(0).build();
    List<Embedding> vectors = model.embedAll(List.of(TextSegment.from("tides and the Moon"), TextSegment.from("sourdough")))
        .content();
    assertThat(vectors).hasSize(2).allMatch(e -> e.dimension() == 384);
    double norm = 0;
    for (float x : vectors.get(0).vector()) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void modelCatalogListsTheServedModels() {
    List<ModelDescription> models = OpenAiModelCatalog.builder().baseUrl(v1.toString()).apiKey(API_KEY).build().listModels();
    assertThat(models).extracting(ModelDescription::name)
        .contains(KnowledgeBases.BASE_MODEL, "rag:" + kb, KnowledgeBases.EMBEDDING_MODEL);
  }

  @Test
  void clientReadsOurErrorsAsItsOwnExceptions() {
    assertThatThrownBy(() -> chatModel("rag:no-such-kb").chat("hi")).isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("model_not_found");
    assertThatThrownBy(() -> OpenAiChatModel.builder().baseUrl(v1.toString()).apiKey(API_KEY).modelName("rag:" + kb)
        .temperature(5.0).maxRetries(0).build().chat("hi")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("temperature");
  }
}
