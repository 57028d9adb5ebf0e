package io.augment.adapter.out.parsing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.augment.domain.adaptation.TrainingCorpus;
import io.augment.domain.adaptation.TrainingDataParser;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSONL training files with Jackson. The file must be UTF-8 (a byte-order mark is skipped);
 * lines end in LF or CRLF. Keys other than an example form's own are ignored (OpenAI's files carry
 * {@code weight}, {@code name}, ...), but a line may hold only one form. A message's content is a
 * string or OpenAI's array of {@code {"type": "text", "text": ...}} parts, joined with a newline.
 * Bounds, checked while reading: {@value #MAX_LINE_CHARS} characters per line and
 * {@link TrainingCorpus#MAX_TEXTS} examples.
 */
public final class JsonlTrainingDataParser implements TrainingDataParser {
  /** Room for JSON quoting around the longest text a corpus may hold. */
  public static final int MAX_LINE_CHARS = 2 * TrainingCorpus.MAX_TEXT_CHARS;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  @Override
  public List<TrainingExample> parse(String field, byte[] jsonl) {
    if (jsonl == null) {
      throw new InvalidInputException(field, "is required");
    }
    List<TrainingExample> examples = new ArrayList<>();
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int start = hasByteOrderMark(jsonl) ? 3 : 0;
    for (int number = 1; start < jsonl.length; number++) {
      int end = start;
      while (end < jsonl.length && jsonl[end] != '\n') {
        end++;
      }
      int stop = end > start && jsonl[end - 1] == '\r' ? end - 1 : end;
      String line = decode(field, number, utf8, jsonl, start, stop);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      if (examples.size() == TrainingCorpus.MAX_TEXTS) {
        throw error(field, number, "more than " + TrainingCorpus.MAX_TEXTS + " examples; at most "
            + TrainingCorpus.MAX_TEXTS + " are allowed");
      }
      examples.add(example(field, number, line));
    }
    if (examples.isEmpty()) {
      throw new InvalidInputException(field, "has no examples");
    }
    return examples;
  }

  private static boolean hasByteOrderMark(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  private static String decode(String field, int number, CharsetDecoder utf8, byte[] b, int from, int to) {
    // A UTF-8 character takes at most 4 bytes: a longer line is refused before it is decoded.
    if ((long) (to - from) > 4L * MAX_LINE_CHARS) {
      throw tooLong(field, number, to - from + " bytes");
    }
    String line;
    try {
      line = utf8.reset().decode(ByteBuffer.wrap(b, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw error(field, number, "is not valid UTF-8");
    }
    if (line.length() > MAX_LINE_CHARS) {
      throw tooLong(field, number, line.length() + " characters");
    }
    return line;
  }

  private static InvalidInputException tooLong(String field, int number, String size) {
    return error(field, number, "has " + size + "; a line may have at most " + MAX_LINE_CHARS + " characters");
  }

  private static TrainingExample example(String field, int number, String line) {
    JsonNode node;
    try (JsonParser json = JSON.createParser(line)) {
      node = JSON.readTree(json);
      if (node != null && json.nextToken() != null) {
        throw error(field, number, "is not valid JSON: holds more than one JSON value");
      }
    } catch (StreamConstraintsException e) {
      throw error(field, number, "is not valid JSON: nested too deeply or holds an oversized value");
    } catch (JsonProcessingException e) {
      throw error(field, number, "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String
    }
    if (!node.isObject()) {
      throw error(field, number, "must be a JSON object, got " + kind(node));
    }
    try {
      return TrainingExamples.of(node);
    } catch (InvalidInputException e) {
      throw error(field, number, (e.field() == null ? "" : e.field() + ": ") + e.reason());
    }
  }

  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static InvalidInputException error(String field, int number, String what) {
    return new InvalidInputException(field, "line " + number + ": " + what);
  }
}
