package io.augment.domain.adaptation;

import static io.augment.domain.adaptation.FineTuneFixtures.CREATED_AT;
import static io.augment.domain.adaptation.FineTuneFixtures.file;
import static io.augment.domain.adaptation.FineTuneFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrainingFileRepository} must do. The store may be shared with other tests and
 * earlier runs, so each case uses file ids of its own and looks only at them.
 */
public abstract class TrainingFileRepositoryContract {

  protected abstract TrainingFileRepository repository();

  private static List<TrainingFile> mine(List<TrainingFile> files, List<String> ids) {
    return files.stream().filter(f -> ids.contains(f.id())).toList();
  }

  private TrainingFile saved(String filename, byte[] content, Instant createdAt) {
    TrainingFile file = file(uniqueId("file"), filename, content.length, createdAt);
    repository().save(file, content);
    return file;
  }

  @Test
  void findsASavedFileAndItsContent() {
    byte[] content = "{\"text\": \"hello\"}\n".getBytes(StandardCharsets.UTF_8);
    TrainingFile file = saved("train.jsonl", content, CREATED_AT);

    assertThat(repository().find(file.id())).contains(file);
    assertThat(repository().content(file.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(content));
  }

  @Test
  void keepsAFilenameWithUnicodeAndPathCharactersAsText() {
    TrainingFile file = saved("../über/日本語 🚀 \"train\".jsonl", new byte[] {'{', '}'}, CREATED_AT);

    assertThat(repository().find(file.id())).map(TrainingFile::filename).contains("../über/日本語 🚀 \"train\".jsonl");
  }

  @Test
  void contentOfSeveralMegabytesComesBackByteForByte() {
    byte[] content = new byte[5 * 1024 * 1024 + 7];
    new Random(42).nextBytes(content);
    TrainingFile file = saved("big.jsonl", content, CREATED_AT);

    assertThat(repository().content(file.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(content));
  }

  @Test
  void contentThatIsNotUtf8ComesBackUnchanged() {
    byte[] content = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 0, (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28, '\r', '\n',
        (byte) 0x80, 0x7F, 0};
    TrainingFile file = saved("latin1.jsonl", content, CREATED_AT);

    assertThat(repository().content(file.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(content));
  }

  @Test
  void emptyContentComesBackEmpty() {
    TrainingFile file = saved("empty.jsonl", new byte[0], CREATED_AT);

    assertThat(repository().content(file.id())).hasValueSatisfying(c -> assertThat(c).isEmpty());
  }

  @Test
  void changingTheCallersArrayAfterSaveChangesNothingStored() {
    byte[] content = "{\"text\": \"a\"}".getBytes(StandardCharsets.UTF_8);
    TrainingFile file = saved("train.jsonl", content, CREATED_AT);

    content[0] = 'X';
    repository().content(file.id()).orElseThrow()[1] = 'Y';

    assertThat(repository().content(file.id())).hasValueSatisfying(
        c -> assertThat(new String(c, StandardCharsets.UTF_8)).isEqualTo("{\"text\": \"a\"}"));
  }

  @Test
  void findsNothingForAnUnknownFile() {
    String id = uniqueId("missing");

    assertThat(repository().find(id)).isEmpty();
    assertThat(repository().content(id)).isEmpty();
  }

  @Test
  void listsFilesNewestFirst() {
    List<String> ids = new ArrayList<>();
    Instant[] created = {
        Instant.parse("2024-06-02T10:00:00Z"), Instant.parse("2024-06-04T10:00:00.000001Z"),
        Instant.parse("2024-06-03T10:00:00Z")};
    for (Instant at : created) {
      ids.add(saved("f.jsonl", new byte[] {1}, at).id());
    }

    assertThat(mine(repository().list(), ids)).extracting(TrainingFile::createdAt)
        .containsExactly(created[1], created[2], created[0]);
  }

  @Test
  void deleteRemovesRecordAndContentAndLeavesOtherFilesAlone() {
    TrainingFile gone = saved("gone.jsonl", new byte[] {1, 2}, CREATED_AT);
    TrainingFile kept = saved("kept.jsonl", new byte[] {3, 4}, CREATED_AT);

    assertThat(repository().delete(gone.id())).isTrue();

    assertThat(repository().find(gone.id())).isEmpty();
    assertThat(repository().content(gone.id())).isEmpty();
    assertThat(mine(repository().list(), List.of(gone.id(), kept.id()))).containsExactly(kept);
    assertThat(repository().content(kept.id())).hasValueSatisfying(c -> assertThat(c).containsExactly(3, 4));
  }

  @Test
  void deleteOfAnUnknownFileReturnsFalse() {
    assertThat(repository().delete(uniqueId("missing"))).isFalse();
  }
}
