package io.augment.adapter.out.djl;

/** Weights with the tokenizer they were trained with. */
public record LoadedModel(GptWeights weights, ByteBpeTokenizer tokenizer) implements AutoCloseable {
  @Override
  public void close() {
    weights.close();
  }
}
