package io.augment.adapter.out.djl.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.KvCache;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import io.augment.domain.generation.GenerationOptions;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Autoregressive decoding with a key-value cache. A prompt longer than the context keeps its end;
 * when the context fills up, the cache restarts from the last half of the tokens.
 */
public final class GenerationLoop {
  private GenerationLoop() {}

  /** Text, token counts and why it ended ({@code stop} or {@code length}). */
  public record Outcome(String text, int promptTokens, int completionTokens, String finishReason) {}

  public static Outcome run(GptModel model, BpeTokenizer tokenizer, LoraDelta lora, String prompt,
      GenerationOptions options, Consumer<String> pieces, Random random) {
    return run(model, tokenizer, lora, prompt, options, pieces, random, false);
  }

  /** As above; {@code ignoreEndOfText} keeps going past end-of-text, so benchmarks compare equal lengths. */
  public static Outcome run(GptModel model, BpeTokenizer tokenizer, LoraDelta lora, String prompt,
      GenerationOptions options, Consumer<String> pieces, Random random, boolean ignoreEndOfText) {
    int context = model.config().contextLength();
    int[] encoded = tokenizer.encode(prompt);
    int promptTokens = encoded.length;
    if (encoded.length == 0) {
      encoded = new int[] {Math.max(0, tokenizer.endOfText())};
    }
    int[] sequence = Arrays.copyOfRange(encoded, Math.max(0, encoded.length - (context - 1)), encoded.length);
    int length = sequence.length;
    sequence = Arrays.copyOf(sequence, length + options.maxTokens());
    TextStream stream = new TextStream(tokenizer, options.stop(), pieces);
    int generated = 0;
    try (KvCache cache = new KvCache(model.config().layers())) {
      float[] logits = logits(model, lora, cache, Arrays.copyOf(sequence, length));
      while (generated < options.maxTokens()) {
        int next = Sampler.sample(logits, tokenizer.vocabSize(), options.temperature(), options.topP(), random);
        if (next == tokenizer.endOfText() && !ignoreEndOfText) {
          return new Outcome(stream.finish(), promptTokens, generated, "stop");
        }
        generated++;
        sequence[length++] = next;
        if (stream.add(next)) {
          return new Outcome(stream.text(), promptTokens, generated, "stop");
        }
        if (generated == options.maxTokens()) {
          break;
        }
        if (cache.length() >= context) {
          cache.close();
          logits = logits(model, lora, cache, Arrays.copyOfRange(sequence, length - context / 2, length));
        } else {
          logits = logits(model, lora, cache, new int[] {next});
        }
      }
      return new Outcome(stream.finish(), promptTokens, generated, "length");
    }
  }

  private static float[] logits(GptModel model, LoraDelta lora, KvCache cache, int[] tokens) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray logits = model.forward(model.tokens(new int[][] {tokens}), lora, cache, true);
      return logits.toFloatArray();
    }
  }
}
