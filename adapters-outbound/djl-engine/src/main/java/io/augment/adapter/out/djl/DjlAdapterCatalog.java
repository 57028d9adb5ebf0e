package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.generate.ResidentModels;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.model.ConflictException;
import java.util.List;
import java.util.Optional;

/**
 * The trained artifacts in a {@link ModelStore}: LoRA adapters and fully trained models
 * (pretrained or fine-tuned), each with the training cost recorded when it was installed (null for
 * artifacts installed before costs were kept). Imported base models are not listed. A model that
 * adapters are built on cannot be deleted before them.
 */
public final class DjlAdapterCatalog implements AdapterCatalog {
  private final ModelStore store;
  private final ResidentModels resident;

  public DjlAdapterCatalog(ModelStore store, ResidentModels resident) {
    this.store = store;
    this.resident = resident;
  }

  @Override
  public List<Adapter> adapters() {
    return store.all().stream().filter(DjlAdapterCatalog::trained).map(this::toAdapter).toList();
  }

  @Override
  public Optional<Adapter> find(String name) {
    return store.find(name).filter(DjlAdapterCatalog::trained).map(this::toAdapter);
  }

  @Override
  public boolean delete(String name) {
    if (find(name).isEmpty()) {
      return false;
    }
    List<String> dependents = store.all().stream().filter(a -> a.isAdapter() && a.baseModel().equals(name))
        .map(ArtifactInfo::name).toList();
    if (!dependents.isEmpty()) {
      throw new ConflictException("model '" + name + "' is the base of adapters " + dependents + "; delete them first");
    }
    resident.evict(name);
    return store.delete(name);
  }

  private static boolean trained(ArtifactInfo info) {
    return info.origin() != ArtifactInfo.Origin.IMPORTED;
  }

  private Adapter toAdapter(ArtifactInfo info) {
    return new Adapter(info.name(), info.baseModel(), info.method(), store.bytes(info), info.training());
  }
}
