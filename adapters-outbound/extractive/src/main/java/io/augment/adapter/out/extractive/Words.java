package io.augment.adapter.out.extractive;

/** Word counts, this generator's stand-in for tokens. */
final class Words {
  private Words() {}

  static int count(String text) {
    String t = text == null ? "" : text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** The first {@code n} words of {@code text}. */
  static String first(String text, int n) {
    String[] words = text.strip().split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
  }
}
