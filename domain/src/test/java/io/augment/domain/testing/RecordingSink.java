package io.augment.domain.testing;

import io.augment.domain.generation.Generation;
import io.augment.domain.generation.TokenSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a streamed generation delivers. */
public final class RecordingSink implements TokenSink {
  public final List<String> pieces = new CopyOnWriteArrayList<>();
  public final List<Generation> completions = new CopyOnWriteArrayList<>();
  public final List<Throwable> errors = new CopyOnWriteArrayList<>();

  @Override
  public void token(String piece) {
    pieces.add(piece);
  }

  @Override
  public void complete(Generation generation) {
    completions.add(generation);
  }

  @Override
  public void error(Throwable error) {
    errors.add(error);
  }
}
