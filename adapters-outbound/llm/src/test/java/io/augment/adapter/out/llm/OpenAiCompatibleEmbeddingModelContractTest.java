package io.augment.adapter.out.llm;

import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.testing.EmbeddingModelContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class OpenAiCompatibleEmbeddingModelContractTest extends EmbeddingModelContract {
  private static ModelServerStub server;
  private static EmbeddingModel model;

  @BeforeAll
  static void start() {
    server = new ModelServerStub().byDefault(OpenAiReplies.EMBEDDINGS, OpenAiReplies.embeddings(16));
    model = new OpenAiCompatibleEmbeddingModel(TestConfigs.openAi(server, "nomic-embed-text"), 16, 2048);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected EmbeddingModel model() {
    return model;
  }
}
