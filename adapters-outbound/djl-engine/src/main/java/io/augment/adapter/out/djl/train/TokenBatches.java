package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Training windows from a corpus: the texts' tokens joined by end-of-text into one stream, and
 * each batch row a window of {@code sequenceLength + 1} tokens at a seeded random offset.
 */
public final class TokenBatches {
  private final int[] stream;
  private final int batchSize;
  private final int sequenceLength;
  private final Random random;

  public TokenBatches(int[] stream, int batchSize, int sequenceLength, long seed) {
    if (stream.length < 2) {
      throw new IllegalArgumentException("the corpus has fewer than two tokens");
    }
    int[] padded = stream;
    while (padded.length < sequenceLength + 1) {
      padded = Arrays.copyOf(padded, padded.length * 2);
      System.arraycopy(padded, 0, padded, padded.length / 2, padded.length / 2);
    }
    this.stream = padded;
    this.batchSize = batchSize;
    this.sequenceLength = sequenceLength;
    this.random = new Random(seed);
  }

  public static TokenBatches of(List<String> texts, BpeTokenizer tokenizer, int batchSize, int sequenceLength,
      long seed) {
    int[] joined = new int[0];
    int length = 0;
    for (String text : texts) {
      int[] ids = tokenizer.encode(text);
      int extra = ids.length + (tokenizer.endOfText() >= 0 ? 1 : 0);
      if (length + extra > joined.length) {
        joined = Arrays.copyOf(joined, Math.max(joined.length * 2, length + extra));
      }
      System.arraycopy(ids, 0, joined, length, ids.length);
      length += ids.length;
      if (tokenizer.endOfText() >= 0) {
        joined[length++] = tokenizer.endOfText();
      }
    }
    return new TokenBatches(Arrays.copyOf(joined, length), batchSize, sequenceLength, seed);
  }

  /** {@code batchSize} rows of {@code sequenceLength + 1} tokens (inputs and shifted targets). */
  public int[][] next() {
    int[][] rows = new int[batchSize][];
    for (int row = 0; row < batchSize; row++) {
      int start = random.nextInt(stream.length - sequenceLength);
      rows[row] = Arrays.copyOfRange(stream, start, start + sequenceLength + 1);
    }
    return rows;
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
