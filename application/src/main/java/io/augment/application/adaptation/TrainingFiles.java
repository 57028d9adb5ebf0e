package io.augment.application.adaptation;

import io.augment.domain.adaptation.TrainingDataParser;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.adaptation.TrainingFile;
import io.augment.domain.adaptation.TrainingFileRepository;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.PayloadTooLargeException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Uploaded training files (JSONL): each is validated line by line before it is stored, so a file
 * that was accepted can always be trained on.
 */
public final class TrainingFiles {
  public static final String PURPOSE = "fine-tune";
  public static final int MAX_FILENAME_CHARS = 255;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TrainingFileRepository files;
  private final TrainingDataParser parser;
  private final Clock clock;
  private final long maxBytes;

  public TrainingFiles(TrainingFileRepository files, TrainingDataParser parser, Clock clock, long maxBytes) {
    this.files = files;
    this.parser = parser;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Validates and stores a file; refuses a wrong purpose, a bad name, an oversized file or a bad line. */
  public TrainingFile upload(String filename, String purpose, byte[] content) {
    if (purpose == null || purpose.isBlank()) {
      throw new InvalidInputException("purpose", "is required: " + PURPOSE);
    }
    if (!purpose.equals(PURPOSE)) {
      throw new InvalidInputException("purpose", "must be '" + PURPOSE + "' (the only purpose this server stores files for)");
    }
    if (filename == null || filename.isBlank()) {
      throw new InvalidInputException("file", "needs a file name");
    }
    if (filename.length() > MAX_FILENAME_CHARS || filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidInputException("file", "the file name must be 1 to " + MAX_FILENAME_CHARS
          + " characters without control characters");
    }
    if (content == null) {
      throw new InvalidInputException("file", "is required");
    }
    if (content.length > maxBytes) {
      throw new PayloadTooLargeException("file", content.length, maxBytes);
    }
    int examples = parser.parse("file", content).size();
    TrainingFile file = new TrainingFile("file-" + HexFormat.of().formatHex(RANDOM.generateSeed(12)), filename, PURPOSE,
        content.length, examples, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    files.save(file, content);
    return file;
  }

  public TrainingFile get(String id) {
    return files.find(id).orElseThrow(() -> new NotFoundException("file", id));
  }

  public List<TrainingFile> list() {
    return files.list();
  }

  public byte[] content(String id) {
    return files.content(id).orElseThrow(() -> new NotFoundException("file", id));
  }

  public void delete(String id) {
    if (!files.delete(id)) {
      throw new NotFoundException("file", id);
    }
  }

  /** The examples of file {@code id}; an unknown id is refused naming {@code field}. */
  List<TrainingExample> examples(String id, String field) {
    byte[] content = files.content(id).orElseThrow(() -> new InvalidInputException(field, "no file '" + id + "'"));
    return parser.parse(field, content);
  }
}
