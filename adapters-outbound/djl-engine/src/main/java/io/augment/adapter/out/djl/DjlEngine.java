package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.generate.ResidentModels;
import java.nio.file.Path;

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

  /**
   * Imports a HuggingFace GPT-2 folder as the operator's base model {@code name}: not listed by the
   * catalog, offered read-only to every tenant. {@link DjlAdapterCatalog#importModel} installs a
   * tenant's own, listed one.
   */
  public ArtifactInfo importGpt2(Path folder, String name) {
    return Gpt2Import.install(store, folder, name, ArtifactInfo.Origin.IMPORTED);
  }

  @Override
  public void close() {
    fineTuner.close();
    resident.close();
  }
}
