package io.augment.application.benchmark;

import io.augment.domain.adaptation.TrainingSettings;

/**
 * How the benchmark's base model is trained from scratch: on world A's documents (every
 * phrasing), world A's questions with their answers (training templates, closed book, each
 * {@code qaRepeats} times) and {@code readingExamples} reading examples, three in four over held-out
 * people (so reading cannot be memorised) and one in four over world A.
 *
 * @param shape           the scratch model's size
 * @param readingExamples reading examples (numbered sources, question, {@code answer [n]})
 * @param maxPassages     most sources in one reading example (1 to this many, the gold one among them)
 * @param qaRepeats       copies of each closed-book question of world A
 * @param training        optimiser settings of the pretraining run
 */
public record BaseModelRecipe(ModelShape shape, int readingExamples, int maxPassages, int qaRepeats,
    TrainingSettings training) {
  public BaseModelRecipe {
    WorldConfig.range("readingExamples", readingExamples, 0, 100_000);
    WorldConfig.range("maxPassages", maxPassages, 1, 10);
    WorldConfig.range("qaRepeats", qaRepeats, 1, 100);
  }

  /** A stable text of every field, for hashing into a cache key. */
  public String fingerprint() {
    TrainingSettings t = training;
    return "recipe/v3 " + shape + " reading=" + readingExamples + " passages=" + maxPassages + " qa=" + qaRepeats
        + " epochs=" + t.epochs() + " steps=" + t.maxSteps() + " batch=" + t.batchSize() + " seq=" + t.sequenceLength()
        + " lr=" + t.learningRate() + " seed=" + t.seed();
  }
}
