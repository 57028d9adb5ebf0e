package io.augment.application.adaptation;

import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuneListener;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.model.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A trainer the test drives by hand: it records requests and hands out each job's listener. */
final class ScriptedTrainer implements FineTuner {
  static final LoraSettings LORA = new LoraSettings(4, 8, 0.0, Set.of("q_proj"));

  final List<FineTuneRequest> started = new ArrayList<>();
  final Map<String, FineTuneListener> listeners = new ConcurrentHashMap<>();
  final List<String> cancelled = new ArrayList<>();
  final Set<String> resumable = ConcurrentHashMap.newKeySet();
  volatile Set<String> retained;
  volatile RuntimeException refuse;

  @Override
  public FineTuneDefaults defaults() {
    return new FineTuneDefaults(LORA, 3e-3, 7e-4, "base-model");
  }

  @Override
  public void validate(FineTuneRequest request) {
    if (refuse != null) {
      throw refuse;
    }
    if (request.baseModel().equals("missing")) {
      throw new NotFoundException("base model", "missing");
    }
  }

  @Override
  public void start(String jobId, FineTuneRequest request, FineTuneListener listener) {
    validate(request);
    started.add(request);
    listeners.put(jobId, listener);
  }

  @Override
  public boolean resume(String jobId, FineTuneListener listener) {
    if (!resumable.contains(jobId)) {
      return false;
    }
    listeners.put(jobId, listener);
    return true;
  }

  @Override
  public void cancel(String jobId) {
    cancelled.add(jobId);
    FineTuneListener listener = listeners.get(jobId);
    if (listener != null) {
      listener.cancelled();
    }
  }

  @Override
  public void retainOnly(Set<String> live) {
    retained = Set.copyOf(live);
  }

  FineTuneListener listener(String jobId) {
    return listeners.get(jobId);
  }
}
