package io.augment.adapter.out.langchain4j;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Counts word pieces with the same tokenizer.json the encoder reads, without truncating, so a count
 * over {@link #maxLength()} minus {@link #specialTokens()} shows what the encoder will cut.
 */
final class WordPieceTokenizer {
  private final HuggingFaceTokenizer tokenizer;
  private final int specialTokens;

  WordPieceTokenizer(String tokenizerJson) {
    try {
      this.tokenizer = HuggingFaceTokenizer.newInstance(
          new ByteArrayInputStream(tokenizerJson.getBytes(StandardCharsets.UTF_8)),
          Map.of("padding", "false", "truncation", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer", e);
    }
    this.specialTokens = tokenizer.encode("", true, false).getIds().length;
  }

  /**
   * Word pieces of {@code text}, special tokens not counted. Reads only the ids from the native
   * encoding: {@code encode} would also copy every token string and character span into Java
   * (most of a count's cost; a chunker counts every chunk). This tokenizer has no prefix-space or
   * lower-case option, the only Java-side steps {@code encode} adds.
   */
  int count(String text) {
    if (text == null) {
      throw new NullPointerException("text");
    }
    long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
    try {
      return TokenizersLibrary.LIB.getTokenIds(encoding).length;
    } finally {
      TokenizersLibrary.LIB.deleteEncoding(encoding);
    }
  }

  /** The count through DJL's full {@code Encoding}, the reference {@link #count} must equal. */
  int countThroughEncoding(String text) {
    return tokenizer.encode(text, false, false).getIds().length;
  }

  /** Tokens the tokenizer adds around every input: [CLS] and [SEP] for BERT. */
  int specialTokens() {
    return specialTokens;
  }

  /** The truncation length in tokenizer.json, special tokens included. */
  int maxLength() {
    return tokenizer.getMaxLength();
  }
}
