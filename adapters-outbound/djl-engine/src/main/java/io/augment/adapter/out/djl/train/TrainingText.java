package io.augment.adapter.out.djl.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * One training text as the worker receives it: the first {@code contextChars} characters are
 * context (a prompt) whose tokens the model reads but is not trained to write; 0 for plain text.
 * In a corpus file it is {@code {"text": ..., "contextChars": n}}, or a bare string for plain text.
 */
public record TrainingText(String text, int contextChars) {
  public TrainingText {
    if (text == null) {
      throw new IllegalArgumentException("text is required");
    }
    if (contextChars < 0 || contextChars > text.length()) {
      throw new IllegalArgumentException("contextChars must be 0 to " + text.length() + ", was " + contextChars);
    }
  }

  /** A plain text, as a bare string in a corpus file. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TrainingText plain(String text) {
    return new TrainingText(text, 0);
  }

  /** Plain texts, every token trained. */
  public static List<TrainingText> plain(List<String> texts) {
    return texts.stream().map(TrainingText::plain).toList();
  }

  /** Texts with their context lengths (null: all plain). */
  public static List<TrainingText> of(List<String> texts, List<Integer> contextChars) {
    if (contextChars == null) {
      return plain(texts);
    }
    if (contextChars.size() != texts.size()) {
      throw new IllegalArgumentException(texts.size() + " texts but " + contextChars.size() + " context lengths");
    }
    java.util.ArrayList<TrainingText> out = new java.util.ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(new TrainingText(texts.get(i), contextChars.get(i)));
    }
    return out;
  }

  String context() {
    return text.substring(0, contextChars);
  }

  String learned() {
    return text.substring(contextChars);
  }
}
