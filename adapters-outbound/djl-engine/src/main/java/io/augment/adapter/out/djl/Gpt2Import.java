package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.Gpt2Importer;
import io.augment.adapter.out.djl.train.TrainingLock;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** Installs a HuggingFace GPT-2 folder into a store, staged under {@code imports/} so a failure leaves nothing. */
final class Gpt2Import {
  private Gpt2Import() {}

  static ArtifactInfo install(ModelStore store, Path folder, String name, ArtifactInfo.Origin origin) {
    if (name == null) {
      throw new InvalidInputException("name", "is required");
    }
    ModelStore.checkName("name", name);
    if (store.find(name).isPresent()) {
      throw new AlreadyExistsException("model or adapter", name);
    }
    TrainingLock.holder(store.lock(name)).ifPresent(holder -> {
      throw new ConflictException("'" + name + "' is being trained (pid " + holder.pid() + "); choose another name");
    });
    Path staging = store.imports().resolve(UUID.randomUUID().toString());
    try {
      Gpt2Importer.importInto(folder, staging);
      Path source = folder.toAbsolutePath().getFileName();
      ArtifactInfo info = new ArtifactInfo(name, source == null ? name : source.toString(), AdaptationMethod.FULL,
          origin, Instant.now().toString());
      store.install(staging, info);
      return info;
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("folder", e.getMessage());
    } finally {
      Folders.delete(staging);
    }
  }
}
