package io.augment.adapter.out.openaitrainer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augment.domain.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One JSON file per job in one directory. A write is durable when it returns (temporary file,
 * fsync, atomic rename, fsync of the directory); a reader sees the old or the new file, never a part.
 */
final class StateStore {
  private static final System.Logger LOG = System.getLogger(StateStore.class.getName());
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path dir;

  StateStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the trainer's state directory " + dir, e);
    }
  }

  /** Refuses a job id that is not 1-100 of {@code [A-Za-z0-9_-]}, so no id can name a path outside the directory. */
  static String checkedJobId(String jobId) {
    if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
      throw new InvalidInputException("jobId", "must be 1 to 100 letters, digits, '_' or '-'");
    }
    return jobId;
  }

  synchronized void write(JobState state) {
    Path target = file(state.jobId());
    Path tmp = dir.resolve(state.jobId() + ".json.tmp");
    try {
      byte[] bytes = JSON.writeValueAsBytes(state);
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      } catch (IOException e) {
        // Some file systems cannot sync a directory; the rename is still atomic.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the state of job " + state.jobId(), e);
    }
  }

  /** The job's state; empty when there is none (or it cannot be read, which is logged). */
  Optional<JobState> read(String jobId) {
    Path file = file(jobId);
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), JobState.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "ignoring unreadable fine-tuning state " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  List<JobState> all() {
    List<JobState> states = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json") && JOB_ID.matcher(name.substring(0, name.length() - 5)).matches()) {
          read(name.substring(0, name.length() - 5)).ifPresent(states::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the trainer's state directory " + dir, e);
    }
    return states;
  }

  synchronized boolean delete(String jobId) {
    try {
      Files.deleteIfExists(dir.resolve(jobId + ".json.tmp"));
      return Files.deleteIfExists(file(jobId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the state of job " + jobId, e);
    }
  }

  private Path file(String jobId) {
    return dir.resolve(checkedJobId(jobId) + ".json");
  }
}
