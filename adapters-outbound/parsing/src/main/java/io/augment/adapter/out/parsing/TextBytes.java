package io.augment.adapter.out.parsing;

import io.augment.domain.model.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the bytes of a text file: UTF-8 (or UTF-16 with a byte-order mark), falling back to
 * Windows-1252 for legacy files that are not valid UTF-8. Refuses binary content.
 */
final class TextBytes {
  /** Share of control characters above which content is taken for binary. */
  private static final double MAX_CONTROL_SHARE = 0.01;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextBytes() {}

  /** @throws InvalidInputException naming {@code file} when the content holds NULs or many control characters */
  static String decode(byte[] content) {
    String text = decodeCharset(content);
    requireText(text);
    return text;
  }

  private static void requireText(String text) {
    long controls = text.chars().filter(TextBytes::isControl).count();
    if (text.indexOf('\0') >= 0 || controls > MAX_CONTROL_SHARE * text.length()) {
      throw new InvalidInputException("file", "the content looks binary, not text");
    }
  }

  private static String decodeCharset(byte[] b) {
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
      return new String(b, StandardCharsets.UTF_16); // reads and drops the byte-order mark
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(b, WINDOWS_1252);
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isControl(int c) {
    return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f';
  }
}
