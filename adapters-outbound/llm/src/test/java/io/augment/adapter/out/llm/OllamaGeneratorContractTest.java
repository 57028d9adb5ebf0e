package io.augment.adapter.out.llm;

import io.augment.domain.generation.Generator;
import io.augment.domain.testing.GeneratorContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class OllamaGeneratorContractTest extends GeneratorContract {
  private static ModelServerStub server;
  private static Generator generator;

  @BeforeAll
  static void start() {
    server = new ModelServerStub().byDefault(OllamaReplies.CHAT, OllamaReplies.chat());
    generator = new OllamaGenerator(new ProviderConfig(server.root(), null, "llama3.2", TestConfigs.fast()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected Generator generator() {
    return generator;
  }
}
