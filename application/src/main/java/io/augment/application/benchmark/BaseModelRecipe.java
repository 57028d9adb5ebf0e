package io.augment.application.benchmark;

import io.augment.domain.adaptation.TrainingSettings;

/**
 * How the benchmark's base model is trained from scratch: on world A's documents (every
 * phrasing, each {@code documentRepeats} times), world A's questions with their answers (training
 * templates, closed book, each {@code qaRepeats} times) and {@code readingExamples} reading
 * examples, three in four over held-out people (so reading cannot be memorised) and one in four
 * over world A. Closed-book questions are prompt/completion pairs (only the answers are learned);
 * documents and reading examples are learned whole.
 *
 * @param shape           the scratch model's size
 * @param readingExamples reading examples (numbered sources, question, {@code answer [n]})
 * @param maxPassages     most sources in one reading example (1 to this many, the gold one among them)
 * @param qaRepeats       copies of each closed-book question of world A
 * @param documentRepeats copies of each world A document
 * @param training        optimiser settings of the pretraining run
 */
public record BaseModelRecipe(ModelShape shape, int readingExamples, int maxPassages, int qaRepeats,
    int documentRepeats, TrainingSettings training) {
  public BaseModelRecipe {
    WorldConfig.range("readingExamples", readingExamples, 0, 100_000);
    WorldConfig.range("maxPassages", maxPassages, 1, 10);
    WorldConfig.range("qaRepeats", qaRepeats, 1, 100);
    WorldConfig.range("documentRepeats", documentRepeats, 1, 100);
  }

  /** A recipe with each world A document once. */
  public BaseModelRecipe(ModelShape shape, int readingExamples, int maxPassages, int qaRepeats,
      TrainingSettings training) {
    this(shape, readingExamples, maxPassages, qaRepeats, 1, training);
  }

  /** A stable text of every field, for hashing into a cache key. */
  public String fingerprint() {
    TrainingSettings t = training;
    return "recipe/v7 " + shape + " reading=" + readingExamples + " passages=" + maxPassages + " qa=" + qaRepeats
        + " docs=" + documentRepeats + " epochs=" + t.epochs() + " steps=" + t.maxSteps() + " batch=" + t.batchSize()
        + " seq=" + t.sequenceLength() + " lr=" + t.learningRate() + " seed=" + t.seed();
  }
}
