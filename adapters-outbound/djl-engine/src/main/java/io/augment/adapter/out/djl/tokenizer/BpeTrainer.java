package io.augment.adapter.out.djl.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Learns byte-level BPE merges from a corpus: starts from the 256 byte symbols (so any text stays
 * encodable) and repeatedly merges the most frequent adjacent pair (ties: the smallest ids),
 * stopping at the vocabulary size or when no pair occurs twice. {@code <|endoftext|>} comes last.
 */
public final class BpeTrainer {
  private BpeTrainer() {}

  public static BpeTokenizer train(List<String> texts, int vocabSize) {
    if (vocabSize < 257) {
      throw new IllegalArgumentException("vocabSize must be at least 257 (256 bytes + end of text)");
    }
    List<String> tokens = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      tokens.add(ByteLevel.symbol(b));
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      ids.put(tokens.get(i), i);
    }
    Map<String, Integer> wordCounts = new LinkedHashMap<>();
    BpeTokenizer splitter = new BpeTokenizer(Map.of(), List.of(), Map.of(), false);
    for (String text : texts) {
      Matcher matcher = splitter.piecesOf(text);
      while (matcher.find()) {
        wordCounts.merge(ByteLevel.encode(matcher.group()), 1, Integer::sum);
      }
    }
    List<int[]> words = new ArrayList<>();
    int[] counts = new int[wordCounts.size()];
    for (Map.Entry<String, Integer> entry : wordCounts.entrySet()) {
      int[] symbols = new int[entry.getKey().length()];
      for (int i = 0; i < symbols.length; i++) {
        symbols[i] = ids.get(String.valueOf(entry.getKey().charAt(i)));
      }
      counts[words.size()] = entry.getValue();
      words.add(symbols);
    }
    List<String> merges = new ArrayList<>();
    while (tokens.size() < vocabSize - 1) {
      long best = bestPair(words, counts);
      if (best < 0) {
        break;
      }
      int left = (int) (best >>> 32);
      int right = (int) best;
      int merged = tokens.size();
      tokens.add(tokens.get(left) + tokens.get(right));
      merges.add(tokens.get(left) + " " + tokens.get(right));
      for (int w = 0; w < words.size(); w++) {
        words.set(w, apply(words.get(w), left, right, merged));
      }
    }
    Map<String, Integer> vocab = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      vocab.putIfAbsent(tokens.get(i), i);
    }
    return new BpeTokenizer(vocab, merges, Map.of(BpeTokenizer.END_OF_TEXT, tokens.size()), false);
  }

  /** The most frequent pair packed as {@code left << 32 | right}, or -1 when none occurs twice. */
  private static long bestPair(List<int[]> words, int[] counts) {
    Map<Long, Integer> pairCounts = new HashMap<>();
    for (int w = 0; w < words.size(); w++) {
      int[] symbols = words.get(w);
      for (int i = 0; i + 1 < symbols.length; i++) {
        pairCounts.merge(((long) symbols[i] << 32) | symbols[i + 1], counts[w], Integer::sum);
      }
    }
    long best = -1;
    int bestCount = 1;
    for (Map.Entry<Long, Integer> entry : pairCounts.entrySet()) {
      int count = entry.getValue();
      if (count > bestCount || (count == bestCount && best >= 0 && entry.getKey() < best)) {
        best = entry.getKey();
        bestCount = count;
      }
    }
    return best;
  }

  private static int[] apply(int[] symbols, int left, int right, int merged) {
    int[] out = null;
    int n = 0;
    for (int i = 0; i < symbols.length; i++) {
      if (i + 1 < symbols.length && symbols[i] == left && symbols[i + 1] == right) {
        if (out == null) {
          out = new int[symbols.length - 1];
          System.arraycopy(symbols, 0, out, 0, i);
          n = i;
        }
        out[n++] = merged;
        i++;
      } else if (out != null) {
        out[n++] = symbols[i];
      }
    }
    return out == null ? symbols : java.util.Arrays.copyOf(out, n);
  }
}
