package io.augment.adapter.out.djl.generate;

import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns generated tokens into text pieces: holds back bytes of an unfinished UTF-8 character and
 * any tail that could begin a stop sequence, and cuts the text where a stop sequence appears.
 */
final class TextStream {
  private final BpeTokenizer tokenizer;
  private final List<String> stops;
  private final Consumer<String> sink;
  private int[] tokens = new int[16];
  private int count;
  private int emitted;
  private String text = "";

  TextStream(BpeTokenizer tokenizer, List<String> stops, Consumer<String> sink) {
    this.tokenizer = tokenizer;
    this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    this.sink = sink;
  }

  /** Adds a token; true when the text now contains a stop sequence (the text ends before it). */
  boolean add(int token) {
    if (count == tokens.length) {
      tokens = Arrays.copyOf(tokens, count * 2);
    }
    tokens[count++] = token;
    byte[] bytes = tokenizer.decodeBytes(tokens, 0, count);
    String decoded = new String(bytes, 0, completeLength(bytes), StandardCharsets.UTF_8);
    int stopAt = firstStop(decoded);
    if (stopAt >= 0) {
      text = decoded.substring(0, stopAt);
      emit(text.length());
      return true;
    }
    text = decoded;
    int safe = text.length() - heldBack(text);
    if (safe > 0 && Character.isHighSurrogate(text.charAt(safe - 1))) {
      safe--;
    }
    emit(safe);
    return false;
  }

  /** Ends the stream without a stop sequence; returns the whole text. */
  String finish() {
    text = tokenizer.decode(Arrays.copyOf(tokens, count));
    emit(text.length());
    return text;
  }

  String text() {
    return text;
  }

  private void emit(int upTo) {
    if (upTo > emitted) {
      sink.accept(text.substring(emitted, upTo));
      emitted = upTo;
    }
  }

  private int firstStop(String decoded) {
    int first = -1;
    for (String stop : stops) {
      int at = decoded.indexOf(stop, Math.max(0, emitted - stop.length()));
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }

  private int heldBack(String decoded) {
    int held = 0;
    for (String stop : stops) {
      for (int k = Math.min(stop.length() - 1, decoded.length()); k > held; k--) {
        if (decoded.endsWith(stop.substring(0, k))) {
          held = k;
          break;
        }
      }
    }
    return held;
  }

  /** Length of the prefix that ends on a complete UTF-8 character. */
  static int completeLength(byte[] bytes) {
    for (int back = 1; back <= Math.min(3, bytes.length); back++) {
      int b = bytes[bytes.length - back] & 0xff;
      if ((b & 0xc0) == 0x80) {
        continue;
      }
      int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return needed > back ? bytes.length - back : bytes.length;
    }
    return bytes.length;
  }
}
