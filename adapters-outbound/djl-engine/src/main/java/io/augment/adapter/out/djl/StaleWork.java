package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.train.TrainingLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a crashed server leaves in an engine folder, removed when an engine opens it: stale lock
 * files, half-installed artifacts (a model or adapter folder with {@code augment.json.tmp} but no
 * {@code augment.json}, never listed as usable) and unfinished imports. Job folders stay: they are
 * what {@link DjlFineTuner#resume} continues from ({@link DjlFineTuner#retainOnly} removes the rest).
 * Each removal is logged.
 */
final class StaleWork {
  private static final System.Logger LOG = System.getLogger(StaleWork.class.getName());

  private StaleWork() {}

  /** Removes stale work under {@code store}; returns what was removed, relative to the store. */
  static List<String> clean(ModelStore store) {
    List<String> removed = new ArrayList<>();
    for (Path job : children(store.imports())) {
      delete(job, removed, store);
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
