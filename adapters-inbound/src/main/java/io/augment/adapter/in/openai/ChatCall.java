package io.augment.adapter.in.openai;

import io.augment.application.query.Answer;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.AnswerSink;
import io.augment.application.query.Citation;
import io.augment.application.query.QueryCommand;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenSink;
import java.util.List;

/** A validated chat request, ready to run once, whole or streamed. */
sealed interface ChatCall {
  Completion run();

  void stream(CompletionSink sink);

  /** {@code rag:<kb>}: the last user message answered over the knowledge base, with citations. */
  record Rag(AnswerQuestion answers, QueryCommand command) implements ChatCall {
    @Override
    public Completion run() {
      return completion(answers.answer(command));
    }

    @Override
    public void stream(CompletionSink sink) {
      answers.stream(command, new AnswerSink() {
        @Override
        public void sources(List<Citation> citations) {}

        @Override
        public void token(String piece) {
          sink.token(piece);
        }

        @Override
        public void complete(Answer answer) {
          sink.complete(completion(answer));
        }

        @Override
        public void error(Throwable error) {
          sink.error(error);
        }
      });
    }

    /** Answers carry no finish reason; reaching the token limit is read as having been cut by it. */
    private Completion completion(Answer answer) {
      boolean cut = answer.usage() != null && answer.usage().completionTokens() >= command.options().maxTokens();
      return new Completion(answer.text(), answer.usage(), cut ? "length" : "stop", answer.citations());
    }
  }

  /** The base model (or a fine-tuned adapter over it): the conversation goes straight to the generator. */
  record Direct(Generator generator, Prompt prompt, GenerationOptions options) implements ChatCall {
    @Override
    public Completion run() {
      return completion(generator.generate(prompt, options));
    }

    @Override
    public void stream(CompletionSink sink) {
      generator.stream(prompt, options, new TokenSink() {
        @Override
        public void token(String piece) {
          sink.token(piece);
        }

        @Override
        public void complete(Generation generation) {
          sink.complete(completion(generation));
        }

        @Override
        public void error(Throwable error) {
          sink.error(error);
        }
      });
    }

    private static Completion completion(Generation generation) {
      return new Completion(generation.text(), generation.usage(), generation.finishReason(), null);
    }
  }
}
