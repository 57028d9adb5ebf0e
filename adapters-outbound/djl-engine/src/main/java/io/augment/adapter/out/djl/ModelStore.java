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
 * {@code jobs/<id>/} (training specs, logs and staging), {@code locks/<name>.lock} (the worker
 * training that name). An artifact appears only once complete.
 */
public final class ModelStore {
  /** The base-model name that asks for pretraining from scratch. */
  public static final String SCRATCH = "scratch";
  static final String INFO = "augment.json";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Path root;

  public ModelStore(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  public Path jobs() {
    return root.resolve("jobs");
  }

  public Path locks() {
    return root.resolve("locks");
  }

  /** The lock file of a worker training {@code name}. */
  public Path lock(String name) {
    return locks().resolve(name + ".lock");
  }

  public Path folder(ArtifactInfo info) {
    return root.resolve(info.isAdapter() ? "adapters" : "models").resolve(info.name());
  }

  public static void checkName(String field, String name) {
    if (!NAME.matcher(name).matches() || name.equals(SCRATCH)) {
      throw new InvalidInputException(field, "must be 1-100 letters, digits, '.', '_' or '-', and not '"
          + SCRATCH + "'");
    }
  }

  public synchronized Optional<ArtifactInfo> find(String name) {
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
    Path target = folder(info);
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
    Optional<ArtifactInfo> info = find(name);
    if (info.isEmpty()) {
      return false;
    }
    Path folder = folder(info.get());
    try {
      Files.delete(folder.resolve(INFO));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Folders.delete(folder);
    return true;
  }
}
