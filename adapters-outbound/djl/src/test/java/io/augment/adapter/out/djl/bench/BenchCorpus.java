package io.augment.adapter.out.djl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A deterministic synthetic English-like corpus for the benchmark. */
final class BenchCorpus {
  private static final String[] SUBJECTS = {"the engine", "a model", "the adapter", "our team", "the index", "a user"};
  private static final String[] VERBS = {"reads", "trains", "stores", "answers", "merges", "ranks", "writes"};
  private static final String[] OBJECTS = {"the documents", "a question", "every chunk", "the weights", "small files",
      "the query", "long texts"};

  private BenchCorpus() {}

  static List<String> texts(int count, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder b = new StringBuilder();
      for (int s = 0; s < 6; s++) {
        b.append(SUBJECTS[r.nextInt(SUBJECTS.length)]).append(' ').append(VERBS[r.nextInt(VERBS.length)]).append(' ')
            .append(OBJECTS[r.nextInt(OBJECTS.length)]).append(". ");
      }
      out.add(b.toString());
    }
    return out;
  }
}
