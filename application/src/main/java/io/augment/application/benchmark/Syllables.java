package io.augment.application.benchmark;

import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Invented words from consonant-vowel syllables, never repeated within one world. */
final class Syllables {
  private static final String[] ONSETS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
      "th", "sh", "kr", "br", "dr", "st"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ei"};
  private static final String[] CODAS = {"", "", "n", "r", "l", "s", "m"};

  private final Random random;
  private final Set<String> used;

  Syllables(Random random, Set<String> used) {
    this.random = random;
    this.used = used;
  }

  /** A fresh lower-case word of {@code min} to {@code max} syllables that this world has not used. */
  String fresh(int min, int max) {
    while (true) {
      int count = min + random.nextInt(max - min + 1);
      StringBuilder word = new StringBuilder();
      for (int i = 0; i < count; i++) {
        word.append(pick(ONSETS)).append(pick(VOWELS)).append(pick(CODAS));
      }
      String w = word.toString();
      if (w.length() >= 4 && used.add(w)) {
        return w;
      }
    }
  }

  String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  static String capitalised(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
