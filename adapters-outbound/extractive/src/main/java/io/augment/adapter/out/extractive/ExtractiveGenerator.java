package io.augment.adapter.out.extractive;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;
import io.augment.domain.generation.TokenUsage;
import java.util.List;

/**
 * Answers offline by quoting the context sentences most relevant to the question, each followed by
 * its citation marker. Needs no model; tokens are counted as words.
 */
public final class ExtractiveGenerator implements Generator {
  public static final String ID = "extractive";
  static final String NOTHING_FOUND = "No relevant passages were found for this question.";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean generative() {
    return false;
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    Answer answer = answer(prompt, options);
    return generation(prompt, answer, String.join("", answer.pieces()));
  }

  @Override
  public void stream(Prompt prompt, GenerationOptions options, TokenSink sink) {
    Answer answer;
    try {
      answer = answer(prompt, options);
    } catch (RuntimeException e) {
      sink.error(e);
      return;
    }
    answer.pieces().forEach(sink::token);
    sink.complete(generation(prompt, answer, String.join("", answer.pieces())));
  }

  private static Answer answer(Prompt prompt, GenerationOptions options) {
    if (prompt.context().isEmpty()) {
      return new Answer(List.of(NOTHING_FOUND), false);
    }
    List<Candidate> ranked = SentenceRanker.rank(prompt.question(), prompt.context());
    if (ranked.isEmpty()) {
      return new Answer(List.of(NOTHING_FOUND), false);
    }
    return Selection.of(ranked, options.maxTokens());
  }

  private Generation generation(Prompt prompt, Answer answer, String text) {
    int promptWords = Words.count(prompt.system()) + Words.count(prompt.userMessage());
    return new Generation(text, ID, true, new TokenUsage(promptWords, Words.count(text)),
        answer.truncated() ? "length" : "stop");
  }
}
