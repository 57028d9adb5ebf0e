package io.augment.adapter.out.djl.train;

import io.augment.adapter.out.djl.format.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The lock on one artifact name while a worker trains it: a file holding the worker's pid and
 * process start time, created atomically (a hard link to a complete temporary file). A lock whose
 * process is gone, or whose pid now belongs to a process started at another time, is stale and
 * is taken over.
 */
public final class TrainingLock implements AutoCloseable {
  private final Path file;
  private final Holder self;

  private TrainingLock(Path file, Holder self) {
    this.file = file;
    this.self = self;
  }

  /** Who holds a lock: a process id and its start time (null where the platform does not say). */
  public record Holder(long pid, String started) {
    static Holder current() {
      ProcessHandle me = ProcessHandle.current();
      return new Holder(me.pid(), me.info().startInstant().map(Object::toString).orElse(null));
    }

    /** Whether this exact process still runs. */
    public boolean alive() {
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> started == null || started.equals(p.info().startInstant().map(Object::toString).orElse(null)))
          .isPresent();
    }
  }

  /** The live holder of {@code file}, or empty when it is free or stale. */
  public static Optional<Holder> holder(Path file) {
    return read(file).filter(Holder::alive);
  }

  /** Takes the lock for this process, taking over a stale one; fails when a live process holds it. */
  public static TrainingLock acquire(Path file, String name) {
    Holder self = Holder.current();
    try {
      Files.createDirectories(file.getParent());
      for (int attempt = 0; attempt < 3; attempt++) {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
          Files.writeString(temp, Json.line(self));
          Files.createLink(file, temp);
          return new TrainingLock(file, self);
        } catch (FileAlreadyExistsException e) {
          Optional<Holder> live = holder(file);
          if (live.isPresent()) {
            throw new IllegalStateException("'" + name + "' is already being trained by another worker (pid "
                + live.get().pid() + ")");
          }
          Files.deleteIfExists(file);
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock '" + name + "' for training", e);
    }
    throw new IllegalStateException("cannot lock '" + name + "' for training: the lock keeps changing hands");
  }

  private static Optional<Holder> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Json.parse(Files.readString(file), Holder.class))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Releases the lock if this process still holds it. */
  @Override
  public void close() {
    if (read(file).filter(self::equals).isPresent()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
