package io.augment.application.query;

import java.util.List;

/** Receives a streamed answer: the sources first, then text pieces, then the whole answer. */
public interface AnswerSink {
  void sources(List<Citation> citations);

  void token(String piece);

  void complete(Answer answer);

  void error(Throwable error);
}
