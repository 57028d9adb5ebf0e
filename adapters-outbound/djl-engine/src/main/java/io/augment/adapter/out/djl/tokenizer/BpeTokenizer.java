package io.augment.adapter.out.djl.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level BPE as GPT-2 does it: text is split by GPT-2's pattern, each piece's UTF-8 bytes are
 * mapped to symbols, and merges are applied lowest rank first. Special tokens (e.g.
 * {@code <|endoftext|>}) are matched verbatim before splitting. Read and written as a HuggingFace
 * {@code tokenizer.json} by {@link TokenizerJson}.
 */
public final class BpeTokenizer {
  public static final String END_OF_TEXT = "<|endoftext|>";

  private static final Pattern PIECES = Pattern.compile(
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
      Pattern.UNICODE_CHARACTER_CLASS);

  private final Map<String, Integer> vocab;
  private final String[] tokens;
  private final List<String> merges;
  private final Map<String, Integer> mergeRanks;
  private final Map<String, Integer> specials;
  private final boolean addPrefixSpace;
  private final Map<String, int[]> cache = new ConcurrentHashMap<>();

  /**
   * @param vocab          token to id, byte-level symbols included
   * @param merges         merge rules in rank order, each {@code "left right"}
   * @param specials       special tokens to id (also present in the id space)
   * @param addPrefixSpace whether a space is put before text that does not start with one
   */
  public BpeTokenizer(Map<String, Integer> vocab, List<String> merges, Map<String, Integer> specials,
      boolean addPrefixSpace) {
    this.vocab = Map.copyOf(vocab);
    this.specials = Map.copyOf(specials);
    this.addPrefixSpace = addPrefixSpace;
    int size = 0;
    for (int id : vocab.values()) {
      size = Math.max(size, id + 1);
    }
    for (int id : specials.values()) {
      size = Math.max(size, id + 1);
    }
    tokens = new String[size];
    vocab.forEach((token, id) -> tokens[id] = token);
    specials.forEach((token, id) -> tokens[id] = token);
    this.merges = List.copyOf(merges);
    mergeRanks = new ConcurrentHashMap<>();
    for (int rank = 0; rank < merges.size(); rank++) {
      mergeRanks.putIfAbsent(merges.get(rank), rank);
    }
  }

  public int vocabSize() {
    return tokens.length;
  }

  /** Id of {@code <|endoftext|>}, or -1 when the vocabulary has none. */
  public int endOfText() {
    return specials.getOrDefault(END_OF_TEXT, -1);
  }

  public int[] encode(String text) {
    List<Integer> ids = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int next = text.length();
      String special = null;
      for (String candidate : specials.keySet()) {
        int at = text.indexOf(candidate, start);
        if (at >= 0 && (at < next || (at == next && special != null && candidate.length() > special.length()))) {
          next = at;
          special = candidate;
        }
      }
      encodeOrdinary(text.substring(start, next), start == 0, ids);
      if (special == null) {
        break;
      }
      ids.add(specials.get(special));
      start = next + special.length();
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  Matcher piecesOf(String text) {
    return PIECES.matcher(text);
  }

  private void encodeOrdinary(String text, boolean atStart, List<Integer> ids) {
    if (text.isEmpty()) {
      return;
    }
    if (addPrefixSpace && atStart && !text.startsWith(" ")) {
      text = " " + text;
    }
    Matcher matcher = PIECES.matcher(text);
    while (matcher.find()) {
      for (int id : cache.computeIfAbsent(ByteLevel.encode(matcher.group()), this::bpe)) {
        ids.add(id);
      }
    }
  }

  private int[] bpe(String word) {
    List<String> symbols = new ArrayList<>(word.length());
    for (int i = 0; i < word.length(); i++) {
      symbols.add(String.valueOf(word.charAt(i)));
    }
    while (symbols.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      String best = null;
      for (int i = 0; i + 1 < symbols.size(); i++) {
        String pair = symbols.get(i) + " " + symbols.get(i + 1);
        Integer rank = mergeRanks.get(pair);
        if (rank != null && rank < bestRank) {
          bestRank = rank;
          best = pair;
        }
      }
      if (best == null) {
        break;
      }
      List<String> merged = new ArrayList<>(symbols.size());
      for (int i = 0; i < symbols.size(); i++) {
        if (i + 1 < symbols.size() && best.equals(symbols.get(i) + " " + symbols.get(i + 1))) {
          merged.add(symbols.get(i) + symbols.get(++i));
        } else {
          merged.add(symbols.get(i));
        }
      }
      symbols = merged;
    }
    int[] ids = new int[symbols.size()];
    for (int i = 0; i < ids.length; i++) {
      Integer id = vocab.get(symbols.get(i));
      if (id == null) {
        throw new IllegalStateException("symbol '" + symbols.get(i) + "' is not in the vocabulary");
      }
      ids[i] = id;
    }
    return ids;
  }

  /** The bytes the tokens stand for; a multi-byte character may be split across tokens. */
  public byte[] decodeBytes(int[] ids, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = from; i < to; i++) {
      String token = tokens[ids[i]];
      if (specials.containsKey(token)) {
        out.writeBytes(token.getBytes(StandardCharsets.UTF_8));
      } else if (token != null) {
        ByteLevel.decode(token, out);
      }
    }
    return out.toByteArray();
  }

  public String decode(int[] ids) {
    return new String(decodeBytes(ids, 0, ids.length), StandardCharsets.UTF_8);
  }

  Map<String, Integer> vocab() {
    return vocab;
  }

  Map<String, Integer> specials() {
    return specials;
  }

  boolean addPrefixSpace() {
    return addPrefixSpace;
  }

  /** Merges in rank order. */
  List<String> merges() {
    return merges;
  }
}
