package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.Folders;
import io.augment.adapter.out.djl.format.Json;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Models and adapters under one root folder:
 * {@code models/<name>/} (GPT-2 layout checkpoints), {@code adapters/<name>/} (PEFT adapters),
 * {@code jobs/<id>/} (a fine-tuning job's request, checkpoints, log and staging),
 * {@code imports/} (imports being staged), {@code locks/<name>.lock} (the worker training that
 * name). An artifact appears only once complete.
 */
public final class ModelStore {
  /** The base-model name that asks for pretraining from scratch. */
  public static final String SCRATCH = "scratch";
  static final String INFO = "augment.json";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Path root;
  private final ModelStore shared;

  public ModelStore(Path root) {
    this(root, null);
  }

  /**
   * A store that also offers, read-only, the models another store imported (an operator's base
   * models shared with a tenant); its own artifacts come first and names never overlap.
   */
  public ModelStore(Path root, ModelStore shared) {
    this.root = root.toAbsolutePath();
    this.shared = shared;
  }

  /** Imported base models are what an operator installs for everyone; trained artifacts stay private. */
  private static boolean shareable(ArtifactInfo info) {
    return !info.isAdapter() && info.origin() == ArtifactInfo.Origin.IMPORTED;
  }

  private Optional<ArtifactInfo> sharedFind(String name) {
    return shared == null ? Optional.empty() : shared.ownFind(name).filter(ModelStore::shareable);
  }

  public Path root() {
    return root;
  }

  public Path jobs() {
    return root.resolve("jobs");
  }

  public Path imports() {
    return root.resolve("imports");
  }

  public Path locks() {
    return root.resolve("locks");
  }

  /** The lock file of a worker training {@code name}. */
  public Path lock(String name) {
    return locks().resolve(name + ".lock");
  }

  public Path folder(ArtifactInfo info) {
    Path own = ownFolder(info);
    if (!Files.isRegularFile(own.resolve(INFO)) && sharedFind(info.name()).isPresent()) {
      return shared.ownFolder(info);
    }
    return own;
  }

  private Path ownFolder(ArtifactInfo info) {
    return root.resolve(info.isAdapter() ? "adapters" : "models").resolve(info.name());
  }

  public static void checkName(String field, String name) {
    if (!NAME.matcher(name).matches() || name.equals(SCRATCH)) {
      throw new InvalidInputException(field, "must be 1-100 letters, digits, '.', '_' or '-', and not '"
          + SCRATCH + "'");
    }
  }

  public Optional<ArtifactInfo> find(String name) {
    Optional<ArtifactInfo> own = ownFind(name);
    return own.isPresent() ? own : sharedFind(name);
  }

  private synchronized Optional<ArtifactInfo> ownFind(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    for (String kind : new String[] {"models", "adapters"}) {
      Path info = root.resolve(kind).resolve(name).resolve(INFO);
      if (Files.isRegularFile(info)) {
        return Optional.of(Json.read(info, ArtifactInfo.class));
      }
    }
    return Optional.empty();
  }

  public synchronized List<ArtifactInfo> all() {
    List<ArtifactInfo> all = new ArrayList<>();
    for (String kind : new String[] {"models", "adapters"}) {
      Path dir = root.resolve(kind);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> folders = Files.list(dir)) {
        folders.map(f -> f.resolve(INFO)).filter(Files::isRegularFile)
            .forEach(f -> all.add(Json.read(f, ArtifactInfo.class)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (shared != null) {
      java.util.Set<String> own = new java.util.HashSet<>();
      all.forEach(a -> own.add(a.name()));
      shared.all().stream().filter(ModelStore::shareable).filter(a -> !own.contains(a.name())).forEach(all::add);
    }
    all.sort(Comparator.comparing(ArtifactInfo::name));
    return all;
  }

  public long bytes(ArtifactInfo info) {
    return Folders.bytes(folder(info)) - folder(info).resolve(INFO).toFile().length();
  }

  /** Moves a finished artifact from {@code staging} into place under {@code info}'s name. */
  public synchronized void install(Path staging, ArtifactInfo info) {
    checkName("name", info.name());
    if (find(info.name()).isPresent()) {
      throw new AlreadyExistsException("model or adapter", info.name());
    }
    Path target = ownFolder(info);
    try {
      Json.write(staging.resolve(INFO + ".tmp"), info);
      Files.createDirectories(target.getParent());
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      Files.move(target.resolve(INFO + ".tmp"), target.resolve(INFO), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install " + info.name(), e);
    }
  }

  /** Removes the artifact; false when there was none. */
  public synchronized boolean delete(String name) {
    Optional<ArtifactInfo> info = ownFind(name);
    if (info.isEmpty()) {
      if (sharedFind(name).isPresent()) {
        throw new InvalidInputException("name", "'" + name + "' is a base model the operator shares; it is read-only here");
      }
      return false;
    }
    Path folder = ownFolder(info.get());
    try {
      Files.delete(folder.resolve(INFO));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Folders.delete(folder);
    return true;
  }
}
