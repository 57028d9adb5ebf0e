package io.augment.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a list of texts (nulls allowed) into one column and reads it back unchanged: each element
 * is {@code <length>:<text>}, a null is {@code ~}. Length-prefixed, so no character needs escaping;
 * lists nest by encoding an encoded list as an element.
 */
final class TextList {
  private static final char NULL = '~';

  private TextList() {}

  static String encode(List<String> texts) {
    StringBuilder out = new StringBuilder();
    for (String text : texts) {
      if (text == null) {
        out.append(NULL);
      } else {
        out.append(text.length()).append(':').append(text);
      }
    }
    return out.toString();
  }

  /** The elements of {@code encoded}; a mutable list, since elements may be null. */
  static List<String> decode(String encoded) {
    List<String> texts = new ArrayList<>();
    int at = 0;
    while (at < encoded.length()) {
      if (encoded.charAt(at) == NULL) {
        texts.add(null);
        at++;
        continue;
      }
      int colon = encoded.indexOf(':', at);
      if (colon < 0) {
        throw new IllegalStateException("corrupt list column at offset " + at);
      }
      int end = colon + 1 + Integer.parseInt(encoded, at, colon, 10);
      texts.add(encoded.substring(colon + 1, end));
      at = end;
    }
    return texts;
  }
}
