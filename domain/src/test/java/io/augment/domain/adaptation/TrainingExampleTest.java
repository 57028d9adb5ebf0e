package io.augment.domain.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.model.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chat example is trained as exactly what a base model is asked for that conversation, then the answer. */
class TrainingExampleTest {
  private static TrainingExample.Message m(String role, String content) {
    return new TrainingExample.Message(role, content);
  }

  @Test
  void aSingleTurnChatIsThePlainPromptFollowedByTheAnswer() {
    var chat = new TrainingExample.Chat(List.of(m("system", "Be brief."), m("user", "Where is the bell?"),
        m("assistant", "In the lighthouse.")));

    assertThat(chat.text()).isEqualTo(Prompt.plain("Be brief.", "Where is the bell?", 0).plainText() + "In the lighthouse.")
        .isEqualTo("Be brief.\n\nWhere is the bell?\nIn the lighthouse.");
  }

  @Test
  void aLongerChatIsATranscriptEndingInAssistant() {
    var chat = new TrainingExample.Chat(List.of(m("user", "Hi"), m("assistant", "Hello."), m("user", "Where is the bell?"),
        m("assistant", "In the lighthouse.")));

    assertThat(chat.text()).isEqualTo("User: Hi\n\nAssistant: Hello.\n\nUser: Where is the bell?\n\nAssistant:\n"
        + "In the lighthouse.");
    assertThat(chat.prompt().question()).isEqualTo("Where is the bell?");
  }

  @Test
  void promptAndCompletionAreJoinedAndPlainTextStaysAsItIs() {
    assertThat(new TrainingExample.PromptCompletion("Q: bell? A:", " lighthouse").text()).isEqualTo("Q: bell? A: lighthouse");
    assertThat(new TrainingExample.Text("the bell rings").text()).isEqualTo("the bell rings");
  }

  @Test
  void refusesAChatWithoutAFinalAnswerOrAUserTurnAndUnknownRoles() {
    assertThatThrownBy(() -> new TrainingExample.Chat(List.of(m("user", "Hi")))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new TrainingExample.Chat(List.of(m("assistant", "a"), m("user", "b"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("last message");
    assertThatThrownBy(() -> new TrainingExample.Chat(List.of(m("system", "s"), m("assistant", "a"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("user message");
    assertThatThrownBy(() -> m("tool", "x")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new TrainingExample.Text(" ")).isInstanceOf(InvalidInputException.class);
  }
}
