package io.augment.application.summary;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.Summarizer;
import java.util.List;

/** Summarises by asking the configured generative model; used when one is configured. */
public final class GeneratorSummarizer implements Summarizer {
  private final Generator generator;

  public GeneratorSummarizer(Generator generator) {
    this.generator = generator;
  }

  @Override
  public String id() {
    return "llm:" + generator.id();
  }

  @Override
  public boolean extractive() {
    return false;
  }

  @Override
  public String summarize(List<String> texts, int maxSentences) {
    if (texts.isEmpty()) {
      return "";
    }
    String body = String.join("\n\n---\n\n", texts);
    Prompt prompt = Prompt.plain("Summarise the passages in at most " + maxSentences
        + " sentences. Use only facts stated in them.", body, (body.length() + 3) / 4);
    return generator.generate(prompt, new GenerationOptions(60 * maxSentences, 0.0, 1.0, List.of(), null)).text().strip();
  }
}
