package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The adapters and fully fine-tuned checkpoints under {@code <root>/adapters}. */
public final class DjlAdapterCatalog implements AdapterCatalog {
  private final ModelStore store;

  public DjlAdapterCatalog(Path root) {
    this.store = new ModelStore(root);
  }

  @Override
  public List<Adapter> adapters() {
    return store.adapterDirs().map(d -> describe(d.getFileName().toString())).flatMap(Optional::stream).toList();
  }

  @Override
  public Optional<Adapter> find(String name) {
    return describe(name);
  }

  @Override
  public boolean delete(String name) {
    Path dir = store.adapterDir(name);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    ModelStore.deleteTree(dir);
    return true;
  }

  private Optional<Adapter> describe(String name) {
    if (!store.hasAdapter(name)) {
      return Optional.empty();
    }
    Path dir = store.adapterDir(name);
    if (store.isLora(name)) {
      String base = Json.read(dir.resolve(PeftFormat.CONFIG)).get("base_model_name_or_path").getAsString();
      return Optional.of(new Adapter(name, base, AdaptationMethod.LORA, ModelStore.bytes(dir)));
    }
    String base = Json.read(dir.resolve(ModelStore.ADAPTER_META)).get("base_model").getAsString();
    return Optional.of(new Adapter(name, base, AdaptationMethod.FULL, ModelStore.bytes(dir)));
  }
}
