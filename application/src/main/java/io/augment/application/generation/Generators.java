package io.augment.application.generation;

import io.augment.domain.generation.Generator;
import io.augment.domain.model.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generators this deployment can run, by {@link Generator#id()}: the configured one (the
 * default, used for RAG answers) and any others kept available, such as the offline extractive one.
 */
public final class Generators {
  private final Map<String, Generator> byId = new LinkedHashMap<>();
  private final Generator defaultGenerator;
  private final Generator adapterGenerator;

  /** {@code others} may repeat the default or each other; the first of an id wins. */
  public Generators(Generator defaultGenerator, List<Generator> others) {
    this(defaultGenerator, others, null);
  }

  /**
   * @param adapterGenerator the generator that applies fine-tuned models and adapters (the local
   *                         engine), or null when there is none; it is served too
   */
  public Generators(Generator defaultGenerator, List<Generator> others, Generator adapterGenerator) {
    this.defaultGenerator = defaultGenerator;
    this.adapterGenerator = adapterGenerator;
    byId.put(defaultGenerator.id(), defaultGenerator);
    others.forEach(g -> byId.putIfAbsent(g.id(), g));
    if (adapterGenerator != null) {
      byId.putIfAbsent(adapterGenerator.id(), adapterGenerator);
    }
  }

  /** Whether a generator that applies fine-tuned models and adapters (the local engine) is configured. */
  public boolean appliesAdapters() {
    return adapterGenerator != null;
  }

  /** The generator for {@code GenerationOptions.adapter}: the local engine when there is one, else the default. */
  public Generator adapterGenerator() {
    return adapterGenerator != null ? adapterGenerator : defaultGenerator;
  }

  public Generator defaultGenerator() {
    return defaultGenerator;
  }

  /** Every id, the default first. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  public Optional<Generator> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** @throws NotFoundException when no generator has that id */
  public Generator require(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("generator", id));
  }
}
