package io.augment.adapter.in;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.model.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads evaluation questions, shared by REST and gRPC so both refuse the same input in the same
 * words. JSONL: one JSON object per line with exactly {@code question}, {@code answers} and
 * optionally {@code documentIds}; blank lines are skipped but counted, so an error says the line a
 * text editor shows ({@code line 7: not valid JSON (...)}) and names the request's field that
 * carried the lines ({@code file}, {@code jsonl}). Every line is checked before the caller stores
 * anything.
 */
public final class EvaluationJsonl {
  static final Set<String> FIELDS = Set.of("question", "answers", "documentIds");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EvaluationJsonl() {}

  /** The questions in UTF-8 JSONL {@code bytes}; errors name {@code field}. */
  public static List<EvaluationQuestion> read(String field, byte[] bytes) {
    try {
      return read(field, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(field, "is not UTF-8 text");
    }
  }

  /** The questions in JSONL {@code text}, in line order; errors name {@code field}. */
  public static List<EvaluationQuestion> read(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "holds no questions; send one JSON object per line");
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<EvaluationQuestion> questions = new ArrayList<>();
    String[] lines = body.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      if (questions.size() == EvaluationSet.MAX_QUESTIONS) {
        throw new InvalidInputException(field, "line " + (i + 1) + ": more than " + EvaluationSet.MAX_QUESTIONS
            + " questions; a set holds at most " + EvaluationSet.MAX_QUESTIONS);
      }
      String where = "line " + (i + 1) + ": ";
      try {
        questions.add(question(parse(lines[i]), ""));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(field, where + e.getMessage());
      }
    }
    return questions;
  }

  /** The questions of a JSON array (the JSON upload); errors name {@code questions[i].<field>}. */
  public static List<EvaluationQuestion> list(String field, JsonNode array) {
    if (array == null || array.isNull() || array.isMissingNode() || array.isArray() && array.isEmpty()) {
      throw new InvalidInputException(field, "must list at least one question");
    }
    if (!array.isArray()) {
      throw new InvalidInputException(field, "expected an array of questions");
    }
    if (array.size() > EvaluationSet.MAX_QUESTIONS) {
      throw new InvalidInputException(field, "has " + array.size() + " questions; at most " + EvaluationSet.MAX_QUESTIONS);
    }
    List<EvaluationQuestion> questions = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      questions.add(question(array.get(i), field + "[" + i + "]."));
    }
    return questions;
  }

  /** One question object, checked; errors name {@code prefix + field} (e.g. {@code questions[2].answers[0]}). */
  public static EvaluationQuestion question(JsonNode node, String prefix) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
          "expected a JSON object with question, answers and documentIds");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!FIELDS.contains(name)) {
        throw new InvalidInputException(prefix + shown(name), "is not a field of a question; use question, answers and documentIds");
      }
    }
    String question = text(node.get("question"), prefix + "question");
    List<String> answers = texts(node.get("answers"), prefix + "answers");
    List<String> documentIds = texts(node.get("documentIds"), prefix + "documentIds");
    return new EvaluationQuestion(question, answers, documentIds).validated(prefix);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(null, "not valid JSON (" + reason(e) + ")");
    }
  }

  private static String text(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return null; // validated() says it is required
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(field, "expected a string");
    }
    return value.asText();
  }

  private static List<String> texts(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw new InvalidInputException(field, "expected an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isNull() && !item.isTextual()) {
        throw new InvalidInputException(field + "[" + i + "]", "expected a string");
      }
      out.add(item.isNull() ? null : item.asText());
    }
    return out;
  }

  /** Jackson's first phrase, without its source excerpt or Java type names. */
  private static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage().split("\\R", 2)[0];
    int cut = message.indexOf(" (");
    message = cut > 0 ? message.substring(0, cut) : message;
    String column = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
    return (message.contains("`") || message.isBlank() ? "malformed" : message.strip()) + column;
  }

  private static String shown(String name) {
    return name.length() > 40 ? name.substring(0, 40) + "..." : name;
  }
}
