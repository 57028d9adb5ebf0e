package io.augment.adapter.out.djl.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Sizes, removal and durable writes of artifact and job folders. */
public final class Folders {
  private Folders() {}

  public static long bytes(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** Flushes {@code path} (a file or a folder's entries) to the disk. */
  public static void force(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush " + path, e);
    }
  }

  /** Flushes every file under {@code dir}, then the folders themselves. */
  public static void forceTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        force(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush " + dir, e);
    }
  }

  /** Writes {@code text} to {@code file} so that a crash leaves the old file or the whole new one, never half. */
  public static void writeDurably(Path file, String text) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      force(temp);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      force(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Moves the complete folder {@code staging} to {@code target} atomically and durably (its files flushed first). */
  public static void commit(Path staging, Path target) {
    forceTree(staging);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      force(target.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + staging.getFileName() + " into place", e);
    }
  }
}
