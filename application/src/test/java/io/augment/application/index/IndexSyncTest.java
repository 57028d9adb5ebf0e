package io.augment.application.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.InMemoryPlatform;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.model.Chunk;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.PendingIndexWrite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records first, index after, repair from the records: what a kill -9 between any two steps leaves. */
class IndexSyncTest {
  private CrashableIndex index;
  private InMemoryPlatform platform;

  @BeforeEach
  void setUp() {
    index = new CrashableIndex();
    platform = new InMemoryPlatform(index);
    platform.createKnowledgeBase("kb", 50, 0);
  }

  private void ingest(String id, String text) {
    platform.ingest.ingest("kb", IngestCommand.text(id, id, text, Map.of()));
  }

  /** The process dies: unflushed index writes are gone, the records stay; a new process repairs at start-up. */
  private RecoveryReport crashAndRestart() {
    index.crash();
    return new IndexSync(platform.knowledgeBaseRepository, platform.documentRepository, index, platform.models).recover();
  }

  private List<String> indexedDocuments() {
    return index.allChunks("kb").stream().map(Chunk::documentId).distinct().toList();
  }

  @Test
  void acknowledgedIngestSurvivesACrashBeforeTheIndexCommits() {
    ingest("tides", "The moon raises the tides twice a day.");
    assertThat(index.durableDocuments("kb")).isEmpty();

    RecoveryReport report = crashAndRestart();

    assertThat(report.reindexed()).isEqualTo(1);
    assertThat(indexedDocuments()).containsExactly("tides");
    assertThat(index.durableDocuments("kb")).containsExactly("tides");
    assertThat(platform.documentRepository.pendingIndexWrites(100)).isEmpty();
    assertThat(index.allChunks("kb")).extracting(Chunk::text).containsExactlyElementsOf(
        platform.documents.chunks("kb", "tides").stream().map(Chunk::text).toList());
  }

  @Test
  void acknowledgedDeleteSurvivesACrashAndLeavesNoOrphanChunks() {
    ingest("tides", "The moon raises the tides twice a day.");
    ingest("kept", "Glaciers carve valleys slowly.");
    platform.sync.checkpoint();
    platform.documents.delete("kb", "tides");

    RecoveryReport report = crashAndRestart();

    assertThat(report.removed()).isEqualTo(1);
    assertThat(indexedDocuments()).containsExactly("kept");
    assertThatThrownBy(() -> platform.documents.get("kb", "tides")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aChangedDocumentIsRepairedToItsRecordedVersion() {
    ingest("tides", "Old text about tides.");
    platform.sync.checkpoint();
    ingest("tides", "New text: the moon raises the tides.");

    crashAndRestart();

    assertThat(index.allChunks("kb")).extracting(Chunk::text).containsExactly("New text: the moon raises the tides.");
  }

  @Test
  void checkpointForgetsPendingWritesOnlyOnceTheIndexIsDurable() {
    ingest("a", "Alpha text.");
    ingest("b", "Beta text.");
    assertThat(platform.documentRepository.pendingIndexWrites(100)).extracting(PendingIndexWrite::documentId)
        .containsExactly("a", "b");

    platform.sync.checkpoint();

    assertThat(index.durableDocuments("kb")).containsExactly("a", "b");
    assertThat(platform.documentRepository.pendingIndexWrites(100)).isEmpty();
    assertThat(crashAndRestart().pending()).isZero();
  }

  @Test
  void aCleanShutdownLeavesNothingToRepair() {
    ingest("a", "Alpha text.");
    platform.documents.delete("kb", "a");
    ingest("b", "Beta text.");

    platform.sync.close();

    assertThat(crashAndRestart().pending()).isZero();
    assertThat(indexedDocuments()).containsExactly("b");
  }

  @Test
  void aFailedIndexWriteIsRepairedFromTheRecordAtTheNextCheckpoint() {
    index.failNextWrites(1);
    assertThatThrownBy(() -> ingest("a", "Alpha text.")).hasMessageContaining("disk full");
    assertThat(indexedDocuments()).isEmpty();

    platform.sync.checkpoint();

    assertThat(indexedDocuments()).containsExactly("a");
    platform.sync.checkpoint();
    assertThat(platform.documentRepository.pendingIndexWrites(100)).isEmpty();
  }

  @Test
  void aKnowledgeBaseDeletedJustBeforeACrashHasItsCollectionDropped() {
    ingest("a", "Alpha text.");
    platform.sync.checkpoint();
    platform.knowledgeBaseRepository.delete("kb"); // the records' delete committed; the process died before the drop

    RecoveryReport report = crashAndRestart();

    assertThat(report.collectionsDropped()).isEqualTo(1);
    assertThat(index.collectionExists("kb")).isFalse();
  }

  @Test
  void aKnowledgeBaseWhoseCollectionWasNeverCreatedGetsOneAtRecovery() {
    index.dropCollection("kb"); // the record committed; the process died before the collection was made

    RecoveryReport report = crashAndRestart();

    assertThat(report.collectionsCreated()).isEqualTo(1);
    assertThat(index.collectionExists("kb")).isTrue();
  }

  @Test
  void recreatingAKnowledgeBaseNeverReusesAnOrphanCollection() {
    ingest("a", "Alpha text.");
    platform.knowledgeBaseRepository.delete("kb"); // collection left behind

    platform.createKnowledgeBase("kb", 50, 0);

    assertThat(index.count("kb")).isZero();
  }
}
