package io.augment.domain.persistence;

import static io.augment.domain.testing.Fixtures.chunk;
import static io.augment.domain.testing.Fixtures.chunks;
import static io.augment.domain.testing.Fixtures.document;
import static io.augment.domain.testing.Fixtures.knowledgeBase;
import static io.augment.domain.testing.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DocumentRepository} must do. Documents belong to a knowledge base that exists
 * first (SQL stores enforce it), so the suite also needs the matching {@link KnowledgeBaseRepository};
 * each case works in knowledge bases of its own and deletes them afterwards.
 */
public abstract class DocumentRepositoryContract {

  protected abstract KnowledgeBaseRepository knowledgeBases();

  protected abstract DocumentRepository repository();

  private final List<String> created = new ArrayList<>();
  private String kb;

  @BeforeEach
  void createKnowledgeBase() {
    kb = newKnowledgeBase();
  }

  @AfterEach
  void deleteKnowledgeBases() {
    created.forEach(knowledgeBases()::delete);
    created.forEach(name -> repository().indexWritesDone(pendingFor(name).stream().map(PendingIndexWrite::sequence).toList()));
  }

  private List<PendingIndexWrite> pendingFor(String knowledgeBase) {
    return repository().pendingIndexWrites(Integer.MAX_VALUE).stream()
        .filter(w -> w.knowledgeBase().equals(knowledgeBase)).toList();
  }

  private String newKnowledgeBase() {
    KnowledgeBase knowledgeBase = knowledgeBase(uniqueName("docs"));
    knowledgeBases().create(knowledgeBase);
    created.add(knowledgeBase.name());
    return knowledgeBase.name();
  }

  private Document saved(String knowledgeBase, String id, int chunkCount) {
    Document document = document(knowledgeBase, id, chunkCount, Map.of("source", "tests"));
    repository().save(document, chunks(document));
    return document;
  }

  @Test
  void findsSavedDocumentAndItsChunksInIndexOrder() {
    Document document = document(kb, "guide.md", 4, Map.of("source", "tests", "lang", "en"));
    List<Chunk> chunks = chunks(document);
    List<Chunk> shuffled = List.of(chunks.get(2), chunks.get(0), chunks.get(3), chunks.get(1));

    repository().save(document, shuffled);

    assertThat(repository().find(kb, "guide.md")).contains(document);
    assertThat(repository().chunks(kb, "guide.md")).containsExactlyElementsOf(chunks);
  }

  @Test
  void findsNothingForUnknownDocument() {
    assertThat(repository().find(kb, "missing")).isEmpty();
    assertThat(repository().chunks(kb, "missing")).isEmpty();
  }

  @Test
  void savingAgainReplacesTheDocumentAndAllItsChunks() {
    saved(kb, "report", 5);
    Document replacement = new Document(
        kb, "report", "Report, second edition", "application/pdf", "f".repeat(64), Map.of("edition", "2"), 2, 7,
        Fixtures.CREATED_AT);
    List<Chunk> newChunks = List.of(chunk(replacement, 0, "new first"), chunk(replacement, 1, "new second"));

    repository().save(replacement, newChunks);

    assertThat(repository().find(kb, "report")).contains(replacement);
    assertThat(repository().chunks(kb, "report")).containsExactlyElementsOf(newChunks);
    assertThat(repository().count(kb)).isEqualTo(1);
    assertThat(repository().chunkCount(kb)).isEqualTo(2);
  }

  @Test
  void roundTripsUnicodeMetadataAndLongChunkText() {
    Map<String, String> metadata = Map.of(
        "author", "Zoë Ørsted", "city", "東京 🌃", "empty", "", "note", "quotes \" ' and \\ backslash; -- ");
    Document document = document(kb, "handbook_v1.2:main@rev-3", 2, metadata);
    String longText = "Ünïcødé text — 漢字 and 🚀 rockets.\n".repeat(160);
    List<Chunk> chunks = List.of(chunk(document, 0, longText), chunk(document, 1, longText + "end"));

    repository().save(document, chunks);

    assertThat(longText).hasSizeGreaterThan(5_000);
    assertThat(repository().find(kb, document.id())).contains(document);
    assertThat(repository().chunks(kb, document.id())).containsExactlyElementsOf(chunks);
  }

  @Test
  void pagesThroughDocumentsOrderedById() {
    for (String id : List.of("doc-03", "doc-01", "doc-05", "doc-02", "doc-04")) {
      saved(kb, id, 1);
    }

    assertThat(repository().findAll(kb, 0, 2)).map(Document::id).containsExactly("doc-01", "doc-02");
    assertThat(repository().findAll(kb, 2, 2)).map(Document::id).containsExactly("doc-03", "doc-04");
    assertThat(repository().findAll(kb, 4, 2)).map(Document::id).containsExactly("doc-05");
    assertThat(repository().findAll(kb, 6, 2)).isEmpty();
  }

  @Test
  void countsDocumentsAndChunksOfOneKnowledgeBase() {
    String other = newKnowledgeBase();
    saved(kb, "a", 2);
    saved(kb, "b", 3);
    saved(other, "c", 4);

    assertThat(repository().count(kb)).isEqualTo(2);
    assertThat(repository().chunkCount(kb)).isEqualTo(5);
  }

  @Test
  void emptyKnowledgeBaseCountsZero() {
    assertThat(repository().count(kb)).isZero();
    assertThat(repository().chunkCount(kb)).isZero();
    assertThat(repository().findAll(kb, 0, 10)).isEmpty();
  }

  @Test
  void deleteRemovesTheDocumentAndItsChunks() {
    saved(kb, "gone", 3);
    Document kept = saved(kb, "kept", 2);

    assertThat(repository().delete(kb, "gone")).isPositive();

    assertThat(repository().find(kb, "gone")).isEmpty();
    assertThat(repository().chunks(kb, "gone")).isEmpty();
    assertThat(repository().findAll(kb, 0, 10)).containsExactly(kept);
    assertThat(repository().chunkCount(kb)).isEqualTo(2);
  }

  @Test
  void deleteOfUnknownDocumentReturnsZeroAndRecordsNothing() {
    assertThat(repository().delete(kb, "missing")).isZero();
    assertThat(pendingFor(kb)).isEmpty();
  }

  @Test
  void saveAndDeleteRecordPendingIndexWritesInOrderUntilDone() {
    Document document = document(kb, "tracked", 2, Map.of());
    long saved = repository().save(document, chunks(document));
    long deleted = repository().delete(kb, "tracked");

    assertThat(deleted).isGreaterThan(saved);
    assertThat(pendingFor(kb)).containsExactly(
        new PendingIndexWrite(saved, kb, "tracked"), new PendingIndexWrite(deleted, kb, "tracked"));

    repository().indexWritesDone(List.of(saved));
    assertThat(pendingFor(kb)).containsExactly(new PendingIndexWrite(deleted, kb, "tracked"));

    repository().indexWritesDone(List.of(deleted, Long.MAX_VALUE));
    assertThat(pendingFor(kb)).isEmpty();
  }

  @Test
  void deletingTheKnowledgeBaseRecordsOnePendingWriteForTheWholeBase() {
    saved(kb, "a", 1);
    repository().indexWritesDone(pendingFor(kb).stream().map(PendingIndexWrite::sequence).toList());

    long sequence = knowledgeBases().delete(kb);

    assertThat(pendingFor(kb)).containsExactly(new PendingIndexWrite(sequence, kb, null));
  }

  @Test
  void deleteAllEmptiesOnlyThatKnowledgeBase() {
    String other = newKnowledgeBase();
    saved(kb, "a", 2);
    saved(kb, "b", 1);
    Document untouched = saved(other, "a", 3);

    repository().deleteAll(kb);

    assertThat(repository().count(kb)).isZero();
    assertThat(repository().chunkCount(kb)).isZero();
    assertThat(repository().chunks(kb, "a")).isEmpty();
    assertThat(repository().find(other, "a")).contains(untouched);
    assertThat(repository().chunks(other, "a")).hasSize(3);
  }

  @Test
  void sameDocumentIdInTwoKnowledgeBasesStaysApart() {
    String other = newKnowledgeBase();
    saved(kb, "shared", 2);
    Document there = saved(other, "shared", 4);

    repository().delete(kb, "shared");

    assertThat(repository().find(kb, "shared")).isEmpty();
    assertThat(repository().find(other, "shared")).contains(there);
    assertThat(repository().chunks(other, "shared")).containsExactlyElementsOf(chunks(there));
  }

  @Test
  void deletingTheKnowledgeBaseRemovesItsDocumentsAndChunks() {
    saved(kb, "a", 2);
    saved(kb, "b", 3);

    assertThat(knowledgeBases().delete(kb)).isPositive();
    knowledgeBases().create(knowledgeBase(kb));

    assertThat(repository().count(kb)).isZero();
    assertThat(repository().chunkCount(kb)).isZero();
    assertThat(repository().find(kb, "a")).isEmpty();
    assertThat(repository().chunks(kb, "b")).isEmpty();
  }
}
