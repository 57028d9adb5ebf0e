package io.augment.adapter.out.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.adaptation.TrainingCorpus;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingExample.Chat;
import io.augment.domain.adaptation.TrainingExample.Message;
import io.augment.domain.adaptation.TrainingExample.PromptCompletion;
import io.augment.domain.adaptation.TrainingExample.Text;
import io.augment.domain.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class JsonlTrainingDataParserTest {

  private final JsonlTrainingDataParser parser = new JsonlTrainingDataParser();

  private List<TrainingExample> parse(String jsonl) {
    return parser.parse("training_file", jsonl.getBytes(StandardCharsets.UTF_8));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refuses(byte[] jsonl, String message) {
    return assertThatThrownBy(() -> parser.parse("training_file", jsonl))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("training_file");
          if (message != null) {
            assertThat(e.reason()).isEqualTo(message);
          }
        });
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refuses(String jsonl, String message) {
    return refuses(jsonl.getBytes(StandardCharsets.UTF_8), message);
  }

  private static final String TEXT = "{\"text\": \"ok\"}\n";

  @Test
  void readsEachFormOfExampleInFileOrder() {
    List<TrainingExample> examples = parse("""
        {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi?"}, {"role": "assistant", "content": "Hello."}]}
        {"prompt": "2+2=", "completion": " 4"}
        {"text": "Plain text — Zoë 東京 🌃"}
        """);

    assertThat(examples).containsExactly(
        new Chat(List.of(new Message("system", "Be brief."), new Message("user", "Hi?"),
            new Message("assistant", "Hello."))),
        new PromptCompletion("2+2=", " 4"),
        new Text("Plain text — Zoë 東京 🌃"));
  }

  @Test
  void ignoresKeysOutsideTheFormLikeOpenAisWeightAndName() {
    List<TrainingExample> examples = parse("""
        {"messages": [{"role": "user", "content": "Q", "name": "bob"}, {"role": "Assistant", "content": "A", "weight": 1}], "tools": []}
        {"prompt": "p", "completion": "c", "id": 7}
        """);

    assertThat(examples).containsExactly(new Chat(List.of(new Message("user", "Q"), new Message("assistant", "A"))),
        new PromptCompletion("p", "c"));
  }

  @Test
  void joinsTextPartsOfAMessageWithANewline() {
    List<TrainingExample> examples = parse("""
        {"messages": [{"role": "developer", "content": "Rules"}, {"role": "user", "content": [{"type": "text", "text": "one"}, {"type": "text", "text": "two"}]}, {"role": "assistant", "content": [{"type": "text", "text": "answer"}]}]}
        """);

    assertThat(((Chat) examples.get(0)).messages()).containsExactly(new Message("developer", "Rules"),
        new Message("user", "one\ntwo"), new Message("assistant", "answer"));
  }

  @Test
  void skipsBlankLinesAndAcceptsCrlfABomAndNoFinalNewline() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"text\": \"a\"}\r\n\r\n   \n\t\r\n{\"text\": \"b\"}".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(bom);
    file.writeBytes(body);

    assertThat(parser.parse("training_file", file.toByteArray())).containsExactly(new Text("a"), new Text("b"));
  }

  @Test
  void refusesMalformedJsonNamingItsLine() {
    refuses(TEXT + "\n" + "{\"text\": \"unterminated}\n" + TEXT, null)
        .hasMessageStartingWith("training_file: line 3: is not valid JSON: ");
    refuses("{\"text\": \"a\",}\n", null).hasMessageStartingWith("training_file: line 1: is not valid JSON: ");
    refuses("{text: 'a'}\n", null).hasMessageStartingWith("training_file: line 1: is not valid JSON: ");
  }

  @Test
  void countsBlankLinesAndCrlfLinesWhenNamingTheLine() {
    refuses("{\"text\": \"a\"}\r\n\r\n{\"text\": 1}\r\n", "line 3: text: must be a non-empty text");
  }

  @Test
  void refusesLinesThatAreNotObjects() {
    refuses(TEXT + "[{\"text\": \"a\"}]\n", "line 2: must be a JSON object, got an array");
    refuses("42\n", "line 1: must be a JSON object, got a number");
    refuses(TEXT + TEXT + "\"text\"\n", "line 3: must be a JSON object, got a string");
    refuses("null\n", "line 1: must be a JSON object, got null");
  }

  @Test
  void refusesTwoObjectsOnOneLineAndDuplicateKeys() {
    refuses(TEXT + "{\"text\": \"a\"} {\"text\": \"b\"}\n", "line 2: is not valid JSON: holds more than one JSON value");
    refuses("{\"text\": \"a\", \"text\": \"b\"}\n", null).hasMessageStartingWith("training_file: line 1: is not valid JSON")
        .hasMessageContaining("Duplicate field 'text'");
  }

  @Test
  void refusesDeeplyNestedGarbageWithoutOverflowingTheStack() {
    String nested = "{\"text\": \"a\", \"extra\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    refuses(TEXT + nested + "\n", "line 2: is not valid JSON: nested too deeply or holds an oversized value");
  }

  @Test
  void refusesALineWithMoreThanOneForm() {
    String both = "{\"messages\": [{\"role\": \"user\", \"content\": \"Q\"}, {\"role\": \"assistant\", \"content\": \"A\"}],"
        + " \"text\": \"t\"}\n";
    refuses(both, "line 1: holds more than one example form; use one of messages, prompt and completion, or text");
    refuses(TEXT + "{\"prompt\": \"p\", \"completion\": \"c\", \"text\": \"t\"}",
        "line 2: holds more than one example form; use one of messages, prompt and completion, or text");
  }

  @Test
  void refusesALineWithNoForm() {
    refuses(TEXT + "{\"input\": \"x\", \"output\": \"y\"}\n", "line 2: needs messages, prompt and completion, or text");
    refuses("{}\n", "line 1: needs messages, prompt and completion, or text");
  }

  @Test
  void refusesNullOrMissingContentNamingTheMessage() {
    refuses("{\"messages\": [{\"role\": \"user\", \"content\": null}, {\"role\": \"assistant\", \"content\": \"A\"}]}",
        "line 1: messages[0].content: must be a text");
    refuses(TEXT + "{\"messages\": [{\"role\": \"user\", \"content\": \"Q\"}, {\"role\": \"assistant\"}]}",
        "line 2: messages[1].content: must be a text");
    refuses("{\"messages\": [{\"role\": \"user\", \"content\": 5}, {\"role\": \"assistant\", \"content\": \"A\"}]}",
        "line 1: messages[0].content: must be a text or an array of text parts, got a number");
  }

  @Test
  void refusesPartsThatAreNotText() {
    refuses("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"x\"}}]},"
        + " {\"role\": \"assistant\", \"content\": \"A\"}]}",
        "line 1: messages[0].content[0]: must be {\"type\": \"text\", \"text\": ...}; only text can be trained on");
  }

  @Test
  void refusesMessagesThatAreNotAListOfObjects() {
    refuses("{\"messages\": \"hi\"}", "line 1: messages: must be an array, got a string");
    refuses("{\"messages\": [\"hi\", {\"role\": \"assistant\", \"content\": \"A\"}]}",
        "line 1: messages[0]: must be an object, got a string");
  }

  @Test
  void refusesUnknownRolesAndChatsThatDoNotEndWithTheAssistant() {
    refuses("{\"messages\": [{\"role\": \"tool\", \"content\": \"x\"}, {\"role\": \"assistant\", \"content\": \"A\"}]}",
        "line 1: messages[0].role: must be one of system, developer, user, assistant");
    refuses("{\"messages\": [{\"role\": 1, \"content\": \"x\"}, {\"role\": \"assistant\", \"content\": \"A\"}]}",
        "line 1: messages[0].role: must be one of system, developer, user, assistant");
    refuses(TEXT + "{\"messages\": [{\"role\": \"assistant\", \"content\": \"A\"}, {\"role\": \"user\", \"content\": \"Q\"}]}",
        "line 2: messages: the last message must be the assistant's non-empty answer");
    refuses("{\"messages\": [{\"role\": \"system\", \"content\": \"S\"}, {\"role\": \"assistant\", \"content\": \"A\"}]}",
        "line 1: messages: needs a user message before the assistant's answer");
    refuses("{\"messages\": []}", "line 1: messages: needs at least a user message and the assistant's answer");
  }

  @Test
  void refusesPromptsAndCompletionsThatAreNotTexts() {
    refuses("{\"prompt\": 1, \"completion\": \"c\"}", "line 1: prompt: must be a text");
    refuses("{\"prompt\": \"p\"}", "line 1: completion: must be a non-empty text");
    refuses("{\"completion\": \"c\"}", "line 1: prompt: must be a text");
    refuses("{\"text\": \"   \"}", "line 1: text: must be a non-empty text");
  }

  @Test
  void refusesBytesThatAreNotUtf8NamingTheLine() {
    byte[] head = (TEXT + TEXT).getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}', '\n'};
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(head);
    file.writeBytes(bad);

    refuses(file.toByteArray(), "line 3: is not valid UTF-8");
  }

  @Test
  void acceptsTheMostExamplesAllowedAndRefusesOneMore() {
    String allowed = TEXT.repeat(TrainingCorpus.MAX_TEXTS);

    assertThat(parse(allowed)).hasSize(TrainingCorpus.MAX_TEXTS);
    refuses(allowed + "\n" + TEXT, "line " + (TrainingCorpus.MAX_TEXTS + 2) + ": more than "
        + TrainingCorpus.MAX_TEXTS + " examples; at most " + TrainingCorpus.MAX_TEXTS + " are allowed");
  }

  @Test
  void refusesALineLongerThanTheBoundAndAcceptsOneAtIt() {
    String atBound = "{\"text\": \"" + "a".repeat(JsonlTrainingDataParser.MAX_LINE_CHARS - 12) + "\"}";
    assertThat(atBound).hasSize(JsonlTrainingDataParser.MAX_LINE_CHARS);

    assertThat(parse(atBound)).hasSize(1);
    refuses(TEXT + atBound.replace("\"a", "\"aa") + "\n", "line 2: has " + (JsonlTrainingDataParser.MAX_LINE_CHARS + 1)
        + " characters; a line may have at most " + JsonlTrainingDataParser.MAX_LINE_CHARS + " characters");
  }

  @Test
  void refusesAFileWithoutExamples() {
    refuses("", "has no examples");
    refuses("\n \r\n\n", "has no examples");
    refuses(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "has no examples");
    assertThatThrownBy(() -> parser.parse("training_file", null)).isInstanceOf(InvalidInputException.class)
        .hasMessage("training_file: is required");
  }
}
