package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.Gpt2Importer;
import io.augment.adapter.out.djl.generate.ResidentModels;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * The local engine over one root folder: its {@link DjlFineTuner}, {@link DjlAdapterCatalog} and
 * {@link DjlGenerator}, sharing one {@link ModelStore} and one set of resident models.
 */
public final class DjlEngine implements AutoCloseable {
  private final ModelStore store;
  private final ResidentModels resident;
  private final DjlFineTuner fineTuner;
  private final DjlAdapterCatalog catalog;
  private final DjlGenerator generator;

  public DjlEngine(Path root, DjlEngineConfig config) {
    this(root, config, null);
  }

  /** An engine that also offers, read-only, the base models imported into {@code sharedRoot}'s store. */
  public DjlEngine(Path root, DjlEngineConfig config, Path sharedRoot) {
    store = new ModelStore(root, sharedRoot == null ? null : new ModelStore(sharedRoot));
    resident = new ResidentModels(store, config.effectiveGenerationThreads());
    fineTuner = new DjlFineTuner(store, config);
    catalog = new DjlAdapterCatalog(store, resident);
    generator = new DjlGenerator(resident, config.defaultModel());
  }

  public ModelStore store() {
    return store;
  }

  public ResidentModels resident() {
    return resident;
  }

  public DjlFineTuner fineTuner() {
    return fineTuner;
  }

  public DjlAdapterCatalog catalog() {
    return catalog;
  }

  public DjlGenerator generator() {
    return generator;
  }

  /**
   * Removes what a crashed run left under {@code root} (stale locks, half-installed artifacts,
   * unfinished imports; job folders stay for resuming), logging each; cheap (files only, PyTorch is not loaded). Returns the paths removed,
   * relative to {@code root}. Constructing an engine does the same.
   */
  public static java.util.List<String> removeStaleWork(Path root) {
    return StaleWork.clean(new ModelStore(root));
  }

  /** Imports a HuggingFace GPT-2 folder as base model {@code name}. */
  public ArtifactInfo importGpt2(Path folder, String name) {
    ModelStore.checkName("name", name);
    if (store.find(name).isPresent()) {
      throw new AlreadyExistsException("model or adapter", name);
    }
    Path staging = store.imports().resolve(UUID.randomUUID().toString());
    try {
      Gpt2Importer.importInto(folder, staging);
      ArtifactInfo info = new ArtifactInfo(name, folder.toAbsolutePath().getFileName().toString(),
          AdaptationMethod.FULL, ArtifactInfo.Origin.IMPORTED, Instant.now().toString());
      store.install(staging, info);
      return info;
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("folder", e.getMessage());
    } finally {
      Folders.delete(staging);
    }
  }

  @Override
  public void close() {
    fineTuner.close();
    resident.close();
  }
}
