package io.augment.application.benchmark;

import io.augment.application.evaluation.AnswerMetrics;
import io.augment.application.evaluation.ClosedBook;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Checks that a base model really answers before anything is compared over it: world A closed
 * book on evaluation templates, and world A and world B reading with only the gold passage given
 * (world B's people were never in its training texts).
 */
public final class BaseModelQuality {
  /** Bars the benchmark's base model must meet; reported, never lowered. */
  public static final double READING_BAR = 0.9;
  public static final double CLOSED_BOOK_BAR = 0.8;

  private BaseModelQuality() {}

  /**
   * Exact-match shares.
   *
   * @param closedBookA   world A eval questions, no sources
   * @param readingA      world A eval questions, the gold passage as the only source
   * @param readingB      world B eval questions, the gold passage as the only source
   * @param questions     questions asked per measure
   * @param examples      a few answers, for the report
   */
  public record Result(double closedBookA, double readingA, double readingB, int questions, List<String> examples) {
    public boolean meetsBars() {
      return readingA >= READING_BAR && closedBookA >= CLOSED_BOOK_BAR;
    }
  }

  /**
   * Greedy answers of {@code model} to at most {@code sample} seeded questions per measure, with
   * the settings of the evaluation run (no stop sequence: the model must end its answer itself).
   */
  public static Result check(Generator generator, String model, World world, int sample, long seed, int maxTokens) {
    GenerationOptions options = new GenerationOptions(maxTokens, 0.0, 1.0, List.of(), model);
    List<WorldQuestion> a = sample(world.a().evalQuestions(), sample, seed);
    List<WorldQuestion> b = sample(world.b().evalQuestions(), sample, seed + 1);
    List<String> examples = new ArrayList<>();
    int closed = 0;
    int readA = 0;
    int readB = 0;
    for (WorldQuestion q : a) {
      String answer = generator.generate(ClosedBook.prompt(q.question()), options).text();
      closed += AnswerMetrics.exactMatch(answer, List.of(q.answer())) == 1.0 ? 1 : 0;
      if (examples.size() < 3) {
        examples.add("closed book: " + q.question() + " -> " + answer.strip() + " (reference " + q.answer() + ")");
      }
      readA += reads(generator, options, q, world.a()) ? 1 : 0;
    }
    for (WorldQuestion q : b) {
      readB += reads(generator, options, q, world.b()) ? 1 : 0;
    }
    return new Result(share(closed, a.size()), share(readA, a.size()), share(readB, b.size()), a.size(), examples);
  }

  private static boolean reads(Generator generator, GenerationOptions options, WorldQuestion q, WorldPart part) {
    WorldDocument gold = part.documents().stream().filter(d -> d.id().equals(q.documentId())).findFirst().orElseThrow();
    String answer = generator.generate(BaseModelCorpus.readingPrompt(q.question(), List.of(gold)), options).text();
    return AnswerMetrics.exactMatch(answer, List.of(q.answer())) == 1.0;
  }

  static List<WorldQuestion> sample(List<WorldQuestion> all, int n, long seed) {
    List<WorldQuestion> copy = new ArrayList<>(all);
    java.util.Collections.shuffle(copy, new Random(seed));
    return copy.subList(0, Math.min(n, copy.size()));
  }

  private static double share(int hits, int of) {
    return of == 0 ? 0 : (double) hits / of;
  }
}
