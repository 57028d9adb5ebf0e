package io.augment.domain.adaptation;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.model.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One training example in the forms fine-tuning users bring: plain {@link Text}, a
 * {@link PromptCompletion} pair, or a {@link Chat} whose last message is the assistant's answer.
 * {@link #text()} is what a causal language model is trained on: for chat and prompt/completion it
 * is the prompt exactly as {@link Prompt#plainText()} renders it at inference time, followed by the
 * answer, so training and asking never drift apart.
 */
public sealed interface TrainingExample {
  /** The text a causal language model is trained on. */
  String text();

  /**
   * How many characters at the start of {@link #text()} are context the model reads but is not
   * taught to write (the prompt of a pair, every message before a chat's answer); 0 for plain
   * text. A trainer that supports it counts the loss on the rest only, as chat fine-tuning does.
   */
  default int contextLength() {
    return 0;
  }

  /** A plain text (continued pretraining). */
  record Text(String text) implements TrainingExample {
    public Text {
      if (text == null || text.isBlank()) {
        throw new InvalidInputException("text", "must be a non-empty text");
      }
    }
  }

  /** A prompt and the completion to learn for it. */
  record PromptCompletion(String prompt, String completion) implements TrainingExample {
    public PromptCompletion {
      if (prompt == null) {
        throw new InvalidInputException("prompt", "must be a text");
      }
      if (completion == null || completion.isBlank()) {
        throw new InvalidInputException("completion", "must be a non-empty text");
      }
    }

    @Override
    public String text() {
      return prompt + completion;
    }

    @Override
    public int contextLength() {
      return prompt.length();
    }
  }

  /** One message of a chat example. */
  record Message(String role, String content) {
    public static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");

    public Message {
      role = role == null ? null : role.toLowerCase(Locale.ROOT);
      if (role == null || !ROLES.contains(role)) {
        throw new InvalidInputException("role", "must be one of system, developer, user, assistant");
      }
      if (content == null) {
        throw new InvalidInputException("content", "must be a text");
      }
    }
  }

  /**
   * A conversation whose last message is the assistant's answer to learn; system (and developer)
   * messages are the instructions, every other message before the answer is context. A single user
   * turn is rendered as the question itself, a longer one as a transcript ending in
   * {@code Assistant:}, as the chat endpoint renders conversations for a base model.
   */
  record Chat(List<Message> messages) implements TrainingExample {
    public Chat {
      if (messages == null || messages.size() < 2) {
        throw new InvalidInputException("messages", "needs at least a user message and the assistant's answer");
      }
      messages = List.copyOf(messages);
      Message last = messages.get(messages.size() - 1);
      if (!last.role().equals("assistant") || last.content().isBlank()) {
        throw new InvalidInputException("messages", "the last message must be the assistant's non-empty answer");
      }
      if (messages.subList(0, messages.size() - 1).stream().noneMatch(m -> m.role().equals("user"))) {
        throw new InvalidInputException("messages", "needs a user message before the assistant's answer");
      }
    }

    /** The prompt a base model is given for this conversation (every message before the answer). */
    public Prompt prompt() {
      List<Message> before = messages.subList(0, messages.size() - 1);
      StringBuilder system = new StringBuilder();
      List<Message> turns = before.stream().filter(m -> !isSystem(m)).toList();
      for (Message m : before) {
        if (isSystem(m)) {
          system.append(system.isEmpty() ? "" : "\n\n").append(m.content());
        }
      }
      String question = turns.stream().filter(m -> m.role().equals("user")).reduce((a, b) -> b).orElseThrow().content();
      String user = turns.size() == 1 ? question : transcript(turns);
      return new Prompt(system.toString(), question, List.of(), user, 0, 0);
    }

    /** The answer the model learns. */
    public String answer() {
      return messages.get(messages.size() - 1).content();
    }

    @Override
    public String text() {
      return prompt().plainText() + answer();
    }

    @Override
    public int contextLength() {
      return prompt().plainText().length();
    }

    /** {@code Role: text} per turn, a blank line between, ending in {@code Assistant:}. */
    public static String transcript(List<Message> turns) {
      return transcript(turns.stream().map(Message::role).toList(), turns.stream().map(Message::content).toList());
    }

    /**
     * The transcript of turns given as parallel lists of roles and texts; the chat endpoint renders
     * a conversation for a base model with it, so training and asking share one rendering.
     */
    public static String transcript(List<String> roles, List<String> texts) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < roles.size(); i++) {
        String role = roles.get(i);
        out.append(Character.toUpperCase(role.charAt(0))).append(role.substring(1)).append(": ")
            .append(texts.get(i)).append("\n\n");
      }
      return out.append("Assistant:").toString();
    }

    private static boolean isSystem(Message m) {
      return m.role().equals("system") || m.role().equals("developer");
    }
  }
}
