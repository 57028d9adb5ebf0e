package io.augment.adapter.in.openai;

/** Receives a streamed completion: text pieces, then {@link #complete} or {@link #error} once. */
interface CompletionSink {
  void token(String piece);

  void complete(Completion completion);

  void error(Throwable error);
}
