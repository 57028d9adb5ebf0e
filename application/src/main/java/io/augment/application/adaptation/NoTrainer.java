package io.augment.application.adaptation;

import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.model.NotImplementedException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The trainer of a server configured without one: every request that would train is refused as not
 * implemented (501 / UNIMPLEMENTED) with {@code why}; there are no trained models, and jobs an
 * earlier configuration left unfinished cannot be resumed.
 */
public final class NoTrainer implements FineTuner, AdapterCatalog {
  private final String why;

  public NoTrainer(String why) {
    this.why = why;
  }

  @Override
  public FineTuneDefaults defaults() {
    throw new NotImplementedException(why);
  }

  @Override
  public void validate(FineTuneRequest request) {
    throw new NotImplementedException(why);
  }

  @Override
  public void start(String jobId, FineTuneRequest request, FineTuneListener listener) {
    throw new NotImplementedException(why);
  }

  @Override
  public boolean resume(String jobId, FineTuneListener listener) {
    return false;
  }

  @Override
  public void cancel(String jobId) {}

  @Override
  public void retainOnly(Set<String> live) {}

  @Override
  public List<Adapter> adapters() {
    return List.of();
  }

  @Override
  public Optional<Adapter> find(String name) {
    return Optional.empty();
  }

  @Override
  public boolean delete(String name) {
    return false;
  }

  @Override
  public Adapter importModel(String name, Path folder) {
    throw new NotImplementedException(why);
  }

  @Override
  public void export(String name, OutputStream out) {
    throw new NotImplementedException(why);
  }
}
