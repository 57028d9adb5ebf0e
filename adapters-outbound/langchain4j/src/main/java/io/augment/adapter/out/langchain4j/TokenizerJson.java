package io.augment.adapter.out.langchain4j;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits the truncation length of a Hugging Face tokenizer.json. */
final class TokenizerJson {
  private static final Pattern MAX_LENGTH =
      Pattern.compile("(\"truncation\"\\s*:\\s*\\{[^{}]*?\"max_length\"\\s*:\\s*)\\d+");
  private static final Pattern NO_TRUNCATION = Pattern.compile("\"truncation\"\\s*:\\s*null");

  private TokenizerJson() {}

  static String truncatingAt(String json, int maxLength) {
    Matcher existing = MAX_LENGTH.matcher(json);
    if (existing.find()) {
      return existing.replaceFirst("$1" + maxLength);
    }
    Matcher none = NO_TRUNCATION.matcher(json);
    if (none.find()) {
      return none.replaceFirst("\"truncation\": {\"direction\": \"Right\", \"max_length\": " + maxLength
          + ", \"strategy\": \"LongestFirst\", \"stride\": 0}");
    }
    throw new IllegalArgumentException("tokenizer.json has no \"truncation\" entry to set");
  }
}
