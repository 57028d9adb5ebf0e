package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.GptCheckpoint;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.format.PeftAdapterIo;
import io.augment.adapter.out.djl.generate.ResidentModels;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The trained artifacts in a {@link ModelStore}: LoRA adapters and fully trained models
 * (pretrained or fine-tuned), each with the training cost recorded when it was installed (null for
 * artifacts installed before costs were kept), and the GPT-2 checkpoints a tenant imported through
 * {@link #importModel} (no cost). The operator's imported base models are not listed. A model that
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

  /** Installs the GPT-2 folder as a listed model of origin {@code EXTERNAL}. */
  @Override
  public Adapter importModel(String name, Path folder) {
    return toAdapter(Gpt2Import.install(store, folder, name, ArtifactInfo.Origin.EXTERNAL));
  }

  /** Streams the artifact's files, as the store keeps them, and its {@code augment.json}; nothing else of the folder. */
  @Override
  public void export(String name, OutputStream out) {
    ArtifactInfo info = store.find(name).filter(DjlAdapterCatalog::trained)
        .orElseThrow(() -> new NotFoundException("model or adapter", name));
    Path folder = store.folder(info);
    List<String> files = info.isAdapter() ? List.of(PeftAdapterIo.WEIGHTS, PeftAdapterIo.CONFIG)
        : List.of(GptCheckpoint.WEIGHTS, GptCheckpoint.CONFIG, GptCheckpoint.TOKENIZER);
    try {
      ZipOutputStream zip = new ZipOutputStream(out);
      zip.setLevel(Deflater.BEST_SPEED); // weights hardly compress; the JSON files do
      for (String file : files) {
        zip.putNextEntry(entry(file, folder.resolve(file)));
        Files.copy(folder.resolve(file), zip);
        zip.closeEntry();
      }
      zip.putNextEntry(entry(ModelStore.INFO, folder.resolve(ModelStore.INFO)));
      zip.write(Json.MAPPER.writeValueAsBytes(info));
      zip.closeEntry();
      zip.finish(); // leaves out open, as the port says
      zip.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export " + name, e);
    }
  }

  /** Dated as the stored file, so the same artifact always exports the same bytes. */
  private static ZipEntry entry(String name, Path file) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(Files.getLastModifiedTime(file).toMillis());
    return entry;
  }

  @Override
  public boolean exportsModels() {
    return true;
  }

  private static boolean trained(ArtifactInfo info) {
    return info.origin() != ArtifactInfo.Origin.IMPORTED;
  }

  private Adapter toAdapter(ArtifactInfo info) {
    return new Adapter(info.name(), info.baseModel(), info.method(), store.bytes(info), info.training());
  }
}
