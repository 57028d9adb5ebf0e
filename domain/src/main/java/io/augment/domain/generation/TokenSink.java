package io.augment.domain.generation;

/** Receives a streamed generation. */
public interface TokenSink {
  void token(String piece);

  void complete(Generation generation);

  void error(Throwable error);
}
