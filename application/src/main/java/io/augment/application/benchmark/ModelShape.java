package io.augment.application.benchmark;

/**
 * Size of the scratch model a recipe trains (the engine's {@code augment.engine.scratch.*}).
 *
 * @param vocabSize     BPE vocabulary learnt from the training texts
 * @param contextLength positions the model reads
 * @param width         model width
 * @param layers        transformer blocks
 * @param heads         attention heads (divide width)
 */
public record ModelShape(int vocabSize, int contextLength, int width, int layers, int heads) {
  public ModelShape {
    WorldConfig.range("shape.vocabSize", vocabSize, 300, 65_536);
    WorldConfig.range("shape.contextLength", contextLength, 16, 4_096);
    WorldConfig.range("shape.width", width, 8, 4_096);
    WorldConfig.range("shape.layers", layers, 1, 64);
    WorldConfig.range("shape.heads", heads, 1, 64);
    if (width % heads != 0) {
      throw new io.augment.domain.model.InvalidInputException("shape.heads", "must divide shape.width " + width);
    }
  }

  @Override
  public String toString() {
    return "vocab " + vocabSize + ", ctx " + contextLength + ", d " + width + ", " + layers + " layers, " + heads
        + " heads";
  }
}
