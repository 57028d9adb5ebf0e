package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.train.TrainingLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a crashed server leaves in an engine folder, removed when an engine opens it: job folders
 * (job records live in memory, so every folder found belongs to an earlier run) unless a live
 * worker still holds their name's lock, stale lock files, and half-installed artifacts (a model or
 * adapter folder with {@code augment.json.tmp} but no {@code augment.json}, never listed as usable).
 * Each removal is logged.
 */
final class StaleWork {
  private static final System.Logger LOG = System.getLogger(StaleWork.class.getName());

  private StaleWork() {}

  /** Removes stale work under {@code store}; returns what was removed, relative to the store. */
  static List<String> clean(ModelStore store) {
    List<String> removed = new ArrayList<>();
    for (Path job : children(store.jobs())) {
      String name = Files.isDirectory(job) ? nameOf(job) : null;
      if (name == null || TrainingLock.holder(store.lock(name)).isEmpty()) {
        delete(job, removed, store);
      }
    }
    for (Path lock : children(store.locks())) {
      if (TrainingLock.holder(lock).isEmpty()) {
        delete(lock, removed, store);
      }
    }
    for (String kind : new String[] {"models", "adapters"}) {
      for (Path artifact : children(store.root().resolve(kind))) {
        if (Files.isRegularFile(artifact.resolve(ModelStore.INFO + ".tmp"))
            && !Files.exists(artifact.resolve(ModelStore.INFO))) {
          delete(artifact, removed, store);
        }
      }
    }
    if (!removed.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "local engine: removed " + removed.size()
          + " stale item(s) an earlier run left behind: " + removed);
    }
    return removed;
  }

  private static String nameOf(Path job) {
    Path spec = job.resolve("spec.json");
    try {
      return Files.isRegularFile(spec) ? Json.read(spec).path("name").asText(null) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void delete(Path path, List<String> removed, ModelStore store) {
    try {
      if (Files.isDirectory(path)) {
        Folders.delete(path);
      } else {
        Files.deleteIfExists(path);
      }
      removed.add(store.root().relativize(path).toString());
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "local engine: cannot remove stale " + store.root().relativize(path)
          + ": " + e.getMessage());
    }
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
