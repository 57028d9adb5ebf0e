package io.augment.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.augmentation.ContextChunk;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link Generator} must do. An adapter's test extends this class and supplies it. */
public abstract class GeneratorContract {

  protected abstract Generator generator();

  /** A question with two numbered sources, rendered the way chat models receive it. */
  protected static Prompt promptWithSources(String question, String... sources) {
    List<ContextChunk> context = new ArrayList<>();
    StringBuilder message = new StringBuilder("Question: " + question + "\n\nSources:\n");
    for (int i = 0; i < sources.length; i++) {
      var chunk = Chunks.chunk("doc-" + (i + 1), 0).text(sources[i]).build();
      context.add(new ContextChunk(i + 1, new ScoredChunk(chunk, 0.9 - 0.1 * i)));
      message.append('[').append(i + 1).append("] ").append(sources[i]).append('\n');
    }
    return new Prompt("Answer from the sources; cite them as [n].", question, context, message.toString(),
        message.length() / 4, 0);
  }

  @Test
  void streamsTheSameTextAsItGeneratesThenCompletesOnce() {
    Prompt prompt = promptWithSources("When did the bridge open?",
        "The bridge opened in 1932. It spans the river.", "Tolls were abolished in 1990.");
    Generation generated = generator().generate(prompt, GenerationOptions.DEFAULT);

    RecordingSink sink = new RecordingSink();
    generator().stream(prompt, GenerationOptions.DEFAULT, sink);

    assertThat(sink.errors).isEmpty();
    assertThat(sink.completions).hasSize(1);
    assertThat(String.join("", sink.pieces)).isEqualTo(generated.text());
    assertThat(sink.completions.get(0).text()).isEqualTo(generated.text());
  }

  @Test
  void namesItselfInEveryGeneration() {
    Generation generation = generator().generate(promptWithSources("Why?", "Because."), GenerationOptions.DEFAULT);
    assertThat(generator().id()).isNotBlank();
    assertThat(generation.generator()).isEqualTo(generator().id());
    assertThat(generation.finishReason()).isIn("stop", "length");
  }
}
