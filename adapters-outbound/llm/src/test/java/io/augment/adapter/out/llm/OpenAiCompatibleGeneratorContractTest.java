package io.augment.adapter.out.llm;

import io.augment.domain.generation.Generator;
import io.augment.domain.testing.GeneratorContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class OpenAiCompatibleGeneratorContractTest extends GeneratorContract {
  private static ModelServerStub server;
  private static Generator generator;

  @BeforeAll
  static void start() {
    server = new ModelServerStub().byDefault(OpenAiReplies.CHAT, OpenAiReplies.chat());
    generator = new OpenAiCompatibleGenerator(TestConfigs.openAi(server, "gpt-4o-mini"));
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
