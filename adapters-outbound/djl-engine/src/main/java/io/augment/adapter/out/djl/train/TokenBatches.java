package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Training windows from a corpus: the texts' tokens joined by end-of-text into one stream, and
 * each batch row a window of {@code sequenceLength + 1} tokens at a seeded random offset.
 *
 * <p>A text with context (a prompt) has its context and the rest tokenized apart, as inference
 * tokenizes a prompt before generating; the context's tokens are never targets (their weight is
 * 0). A window whose offset falls inside such a text starts at that text's beginning when the text
 * fits in one window, so an answer is learned with its whole prompt in view; a window whose targets
 * would all be context of a longer one ends at that text's end instead, so it holds the answer and
 * the context nearest to it (what a model reading a too-long prompt keeps).
 */
public final class TokenBatches {
  private final int[] stream;
  /** Per position, whether the token there is a target the loss counts; null when every one is. */
  private final boolean[] learned;
  /** Of each text with context, in stream order: its start and its end (exclusive). */
  private final int[] alignedStarts;
  private final int[] alignedEnds;
  private final int batchSize;
  private final int sequenceLength;
  private final Random random;

  /** One batch: rows of {@code sequenceLength + 1} tokens, and per target the loss weight (null: all 1). */
  public record Batch(int[][] rows, float[][] weights) {}

  public TokenBatches(int[] stream, int batchSize, int sequenceLength, long seed) {
    this(stream, null, new int[0], new int[0], batchSize, sequenceLength, seed);
  }

  private TokenBatches(int[] stream, boolean[] learned, int[] alignedStarts, int[] alignedEnds, int batchSize,
      int sequenceLength, long seed) {
    if (stream.length < 2) {
      throw new IllegalArgumentException("the corpus has fewer than two tokens");
    }
    int[] padded = stream;
    boolean[] mask = learned;
    while (padded.length < sequenceLength + 1) {
      int half = padded.length;
      padded = Arrays.copyOf(padded, half * 2);
      System.arraycopy(padded, 0, padded, half, half);
      if (mask != null) {
        mask = Arrays.copyOf(mask, half * 2);
        System.arraycopy(mask, 0, mask, half, half);
      }
    }
    this.stream = padded;
    this.learned = mask;
    this.alignedStarts = alignedStarts;
    this.alignedEnds = alignedEnds;
    this.batchSize = batchSize;
    this.sequenceLength = sequenceLength;
    this.random = new Random(seed);
  }

  /** Plain texts, every token a target. */
  public static TokenBatches of(List<String> texts, BpeTokenizer tokenizer, int batchSize, int sequenceLength,
      long seed) {
    return ofTexts(TrainingText.plain(texts), tokenizer, batchSize, sequenceLength, seed);
  }

  public static TokenBatches ofTexts(List<TrainingText> texts, BpeTokenizer tokenizer, int batchSize,
      int sequenceLength, long seed) {
    int[] joined = new int[0];
    boolean[] learned = null;
    int length = 0;
    int[] starts = new int[0];
    int[] ends = new int[0];
    int aligned = 0;
    int end = tokenizer.endOfText();
    for (TrainingText text : texts) {
      int[] context = text.contextChars() == 0 ? new int[0] : tokenizer.encode(text.context());
      int[] rest = text.contextChars() == 0 ? tokenizer.encode(text.text()) : tokenizer.encode(text.learned());
      int extra = context.length + rest.length + (end >= 0 ? 1 : 0);
      if (length + extra > joined.length) {
        int size = Math.max(joined.length * 2, length + extra);
        joined = Arrays.copyOf(joined, size);
        if (learned != null) {
          learned = Arrays.copyOf(learned, size);
        }
      }
      if (context.length > 0 && learned == null) {
        learned = new boolean[joined.length];
        Arrays.fill(learned, 0, length, true);
      }
      int begin = length;
      System.arraycopy(context, 0, joined, length, context.length);
      length += context.length;
      System.arraycopy(rest, 0, joined, length, rest.length);
      if (learned != null) {
        Arrays.fill(learned, length, length + rest.length + (end >= 0 ? 1 : 0), true);
      }
      length += rest.length;
      if (end >= 0) {
        joined[length++] = end;
      }
      if (context.length > 0) {
        if (aligned == starts.length) {
          starts = Arrays.copyOf(starts, Math.max(16, aligned * 2));
          ends = Arrays.copyOf(ends, starts.length);
        }
        starts[aligned] = begin;
        ends[aligned++] = length;
      }
    }
    return new TokenBatches(Arrays.copyOf(joined, length), learned == null ? null : Arrays.copyOf(learned, length),
        Arrays.copyOf(starts, aligned), Arrays.copyOf(ends, aligned), batchSize, sequenceLength, seed);
  }

  /** {@code batchSize} rows of {@code sequenceLength + 1} tokens (inputs and shifted targets). */
  public int[][] next() {
    return nextBatch().rows();
  }

  /** The next batch with its targets' loss weights. */
  public Batch nextBatch() {
    int[][] rows = new int[batchSize][];
    float[][] weights = learned == null ? null : new float[batchSize][];
    for (int row = 0; row < batchSize; row++) {
      int start = align(random.nextInt(stream.length - sequenceLength));
      rows[row] = Arrays.copyOfRange(stream, start, start + sequenceLength + 1);
      if (weights != null) {
        weights[row] = weights(start);
      }
    }
    return new Batch(rows, weights);
  }

  /** The targets' weights of the window at {@code start}: 1 where the token is learned. */
  float[] weights(int start) {
    float[] w = new float[sequenceLength];
    for (int t = 0; t < sequenceLength; t++) {
      w[t] = learned == null || learned[start + 1 + t] ? 1f : 0f;
    }
    return w;
  }

  /**
   * Moves a window's offset: to the start of the text with context it falls in when that text fits
   * in a window; else, when none of the window's targets is learned (they all lie in one long
   * prompt), to the end of that prompt's text minus a window. Any other offset is kept.
   */
  int align(int offset) {
    int text = textAt(offset);
    if (text >= 0 && fits(text)) {
      return alignedStarts[text];
    }
    if (learned == null || learnedTarget(offset)) {
      return offset;
    }
    int prompt = textAt(offset + 1);
    return fits(prompt) ? alignedStarts[prompt] : alignedEnds[prompt] - (sequenceLength + 1);
  }

  /** The text with context holding position {@code position}, or -1. */
  private int textAt(int position) {
    int i = Arrays.binarySearch(alignedStarts, position);
    int text = i >= 0 ? i : -i - 2;
    return text >= 0 && position < alignedEnds[text] ? text : -1;
  }

  private boolean fits(int text) {
    return alignedEnds[text] - alignedStarts[text] <= sequenceLength + 1;
  }

  /** Whether any target of the window at {@code offset} (positions offset + 1 .. offset + sequenceLength) is learned. */
  private boolean learnedTarget(int offset) {
    for (int t = offset + 1; t <= offset + sequenceLength; t++) {
      if (learned[t]) {
        return true;
      }
    }
    return false;
  }

  /** Moves past {@code steps} batches without making them, so a resumed run sees what an unbroken one would. */
  public void skip(int steps) {
    for (long draw = 0; draw < (long) steps * batchSize; draw++) {
      random.nextInt(stream.length - sequenceLength);
    }
  }

  /** The joined token stream (padded by repetition to at least one window). */
  int[] tokens() {
    return stream.clone();
  }

  /** Whether the token at each position of {@link #tokens()} is learned; null when all are. */
  boolean[] learnedMask() {
    return learned == null ? null : learned.clone();
  }

  public int tokenCount() {
    return stream.length;
  }

  /** Steps that show the model about as many tokens as the corpus holds. */
  public int stepsPerEpoch() {
    return Math.max(1, stream.length / (batchSize * sequenceLength));
  }

  public int tokensPerStep() {
    return batchSize * sequenceLength;
  }
}
