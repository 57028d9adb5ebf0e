package io.augment.domain.persistence;

import static io.augment.domain.testing.Fixtures.knowledgeBase;
import static io.augment.domain.testing.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.testing.Fixtures;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KnowledgeBaseRepository} must do. The store may be shared with other tests and
 * earlier runs, so each case uses names of its own and looks only at them.
 */
public abstract class KnowledgeBaseRepositoryContract {

  protected abstract KnowledgeBaseRepository repository();

  /** False for a repository that keeps no ingest time; it must then answer {@code ingestMillis} empty. */
  protected boolean recordsIngestMillis() {
    return true;
  }

  @Test
  void findsCreatedKnowledgeBase() {
    KnowledgeBase created = knowledgeBase(uniqueName("kb"));

    repository().create(created);

    assertThat(repository().find(created.name())).contains(created);
  }

  @Test
  void findsNothingForUnknownName() {
    assertThat(repository().find(uniqueName("missing"))).isEmpty();
  }

  @Test
  void roundTripsUnicodeDescription() {
    String name = uniqueName("kb");
    KnowledgeBase created = new KnowledgeBase(
        name, "Ärzte-Wissen — 医学知识库 🩺\nline two", new EmbeddingSpec("bge-small-en-v1.5", 384, 512),
        new ChunkingSettings(300, 40), 7, Instant.parse("2023-12-31T23:59:59.999Z"));

    repository().create(created);

    assertThat(repository().find(name)).contains(created);
  }

  @Test
  void rejectsDuplicateNameAndKeepsTheOriginal() {
    KnowledgeBase original = knowledgeBase(uniqueName("kb"));
    repository().create(original);
    KnowledgeBase duplicate = new KnowledgeBase(
        original.name(), "another", new EmbeddingSpec("other-model", 768, 512), ChunkingSettings.DEFAULT, 3,
        Fixtures.INGESTED_AT);

    assertThatThrownBy(() -> repository().create(duplicate)).isInstanceOf(AlreadyExistsException.class);

    assertThat(repository().find(original.name())).contains(original);
  }

  @Test
  void listsKnowledgeBasesOrderedByName() {
    String prefix = uniqueName("list");
    for (String suffix : List.of("b", "c", "a")) {
      repository().create(knowledgeBase(prefix + "-" + suffix));
    }

    List<KnowledgeBase> all = repository().findAll();

    assertThat(all).isSortedAccordingTo(Comparator.comparing(KnowledgeBase::name));
    assertThat(all)
        .map(KnowledgeBase::name)
        .filteredOn(name -> name.startsWith(prefix))
        .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
  }

  @Test
  void updateStoresNewRevision() {
    KnowledgeBase created = knowledgeBase(uniqueName("kb"));
    repository().create(created);

    repository().update(created.nextRevision());
    repository().update(created.nextRevision().nextRevision());

    assertThat(repository().find(created.name())).map(KnowledgeBase::revision).contains(2L);
  }

  @Test
  void updateReplacesEveryFieldButTheName() {
    KnowledgeBase created = knowledgeBase(uniqueName("kb"));
    repository().create(created);
    KnowledgeBase changed = new KnowledgeBase(
        created.name(), "changed", new EmbeddingSpec("e5-small-v2", 384, 512), new ChunkingSettings(100, 10), 9,
        Fixtures.INGESTED_AT);

    repository().update(changed);

    assertThat(repository().find(created.name())).contains(changed);
  }

  @Test
  void deleteRemovesTheKnowledgeBase() {
    KnowledgeBase created = knowledgeBase(uniqueName("kb"));
    KnowledgeBase other = knowledgeBase(uniqueName("kb"));
    repository().create(created);
    repository().create(other);

    assertThat(repository().delete(created.name())).isPositive();

    assertThat(repository().find(created.name())).isEmpty();
    assertThat(repository().findAll()).doesNotContain(created).contains(other);
  }

  @Test
  void deleteReturnsZeroForUnknownName() {
    assertThat(repository().delete(uniqueName("missing"))).isZero();
  }

  @Test
  void nameCanBeReusedAfterDelete() {
    String name = uniqueName("kb");
    repository().create(knowledgeBase(name));
    repository().delete(name);
    KnowledgeBase again = new KnowledgeBase(
        name, "second life", Fixtures.EMBEDDING, ChunkingSettings.DEFAULT, 0, Fixtures.INGESTED_AT);

    repository().create(again);

    assertThat(repository().find(name)).contains(again);
  }

  @Test
  void incrementRevisionAddsOneAtATimeEvenUnderConcurrentWriters() throws Exception {
    String name = uniqueName("kb");
    repository().create(knowledgeBase(name));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
      for (int w = 0; w < 4; w++) {
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            repository().incrementRevision(name);
          }
        }));
      }
      for (java.util.concurrent.Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(repository().find(name)).hasValueSatisfying(kb -> assertThat(kb.revision()).isEqualTo(100));
    repository().incrementRevision(uniqueName("missing"));
    repository().delete(name);
  }

  @Test
  void ingestMillisStartAtZeroAndAddUpAcrossIngests() {
    String name = uniqueName("kb");
    repository().create(knowledgeBase(name));
    if (!recordsIngestMillis()) {
      repository().addIngestMillis(name, 120);
      assertThat(repository().ingestMillis(name)).isEmpty();
      return;
    }

    assertThat(repository().ingestMillis(name)).hasValue(0);
    repository().addIngestMillis(name, 120);
    repository().addIngestMillis(name, 30);

    assertThat(repository().ingestMillis(name)).hasValue(150);
  }

  @Test
  void ingestMillisOfAnUnknownKnowledgeBaseAreEmptyAndAddingToItChangesNothing() {
    String name = uniqueName("missing");

    repository().addIngestMillis(name, 500);

    assertThat(repository().ingestMillis(name)).isEmpty();
    assertThat(repository().find(name)).isEmpty();
  }

  @Test
  void ingestMillisSurviveRevisionUpdatesAndResetWhenTheNameIsReused() {
    assumeRecordsIngestMillis();
    KnowledgeBase created = knowledgeBase(uniqueName("kb"));
    repository().create(created);
    repository().addIngestMillis(created.name(), 700);

    repository().update(created.nextRevision());
    repository().incrementRevision(created.name());

    assertThat(repository().ingestMillis(created.name())).hasValue(700);
    repository().delete(created.name());
    repository().create(created);
    assertThat(repository().ingestMillis(created.name())).hasValue(0);
  }

  @Test
  void ingestMillisAddUpUnderConcurrentIngests() throws Exception {
    assumeRecordsIngestMillis();
    String name = uniqueName("kb");
    repository().create(knowledgeBase(name));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
      for (int w = 0; w < 4; w++) {
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            repository().addIngestMillis(name, 3);
            repository().incrementRevision(name);
          }
        }));
      }
      for (java.util.concurrent.Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(repository().ingestMillis(name)).hasValue(300);
    repository().delete(name);
  }

  @Test
  void ingestedAddsOneRevisionAndTheMillisTogetherEvenUnderConcurrentIngests() throws Exception {
    String name = uniqueName("kb");
    repository().create(knowledgeBase(name));
    long before = repository().find(name).orElseThrow().revision();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
      for (int w = 0; w < 4; w++) {
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            repository().ingested(name, 2);
          }
        }));
      }
      for (java.util.concurrent.Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(repository().find(name)).hasValueSatisfying(kb -> assertThat(kb.revision()).isEqualTo(before + 100));
    if (recordsIngestMillis()) {
      assertThat(repository().ingestMillis(name)).hasValue(200);
    }
    repository().ingested(uniqueName("missing"), 5);
    repository().delete(name);
  }

  private void assumeRecordsIngestMillis() {
    org.junit.jupiter.api.Assumptions.assumeTrue(recordsIngestMillis(), "this repository keeps no ingest time");
  }
}
