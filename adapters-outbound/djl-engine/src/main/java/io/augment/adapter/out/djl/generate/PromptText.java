package io.augment.adapter.out.djl.generate;

import io.augment.domain.augmentation.Prompt;

/** The plain text a base language model continues: system instructions, a blank line, the user message. */
public final class PromptText {
  private PromptText() {}

  public static String render(Prompt prompt) {
    return prompt.plainText();
  }
}
