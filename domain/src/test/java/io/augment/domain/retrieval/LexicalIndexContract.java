package io.augment.domain.retrieval;

import static io.augment.domain.testing.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.testing.TaggedChunks;
import io.augment.domain.testing.Vectors;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LexicalIndex} must do. The index under test is also the {@link VectorIndex} its
 * chunks are written through; an adapter's test extends this class and supplies the instance. Scores
 * are compared only with each other, never with exact BM25 values.
 */
public abstract class LexicalIndexContract<I extends VectorIndex & LexicalIndex> {

  protected static final String KB = "kb";
  private static final int DIM = 2;

  protected I index;

  /** A new, empty index. */
  protected abstract I newIndex();

  /** Releases an index made by {@link #newIndex}. */
  protected void close(I index) {}

  @BeforeEach
  void createIndexWithCollection() {
    index = newIndex();
    index.createCollection(KB, DIM);
  }

  @AfterEach
  void closeIndex() {
    close(index);
  }

  // --- matching and ranking ---

  @Test
  void findsOnlyTheChunkContainingTheTermWithAllItsFields() {
    Chunk lighthouse = chunk("coast", 1).title("The coast").text("A lighthouse stands on the cliff.")
        .meta("lang", "en").build();
    write("coast", List.of(chunk("coast", 0).text("Waves roll onto the beach.").build(), lighthouse,
        chunk("coast", 2).text("Gulls circle above the harbour.").build()));
    assertThat(searchText(KB, "lighthouse", 10, MetadataFilter.ALL)).extracting(ScoredChunk::chunk)
        .containsExactly(lighthouse);
  }

  @Test
  void ignoresLetterCase() {
    writeTexts("doc", "The Lighthouse keeper", "A boat");
    assertThat(ids(searchText(KB, "LIGHTHOUSE", 10, MetadataFilter.ALL))).containsExactly("doc#0");
  }

  @Test
  void ranksTheChunkMatchingTheRarerTermFirst() {
    writeTexts("doc", "boat rope knot", "boat sail mast", "boat wall stone", "harbour wall stone", "boat deck oar");
    List<ScoredChunk> hits = searchText(KB, "boat harbour", 10, MetadataFilter.ALL);
    assertThat(hits).hasSize(5);
    assertThat(hits.get(0).chunk().id()).isEqualTo("doc#3");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
  }

  @Test
  void ranksMoreOccurrencesOfATermHigherAtEqualLength() {
    writeTexts("doc", "tide moon star sun", "tide tide tide moon", "moon star sun sky");
    List<ScoredChunk> hits = searchText(KB, "tide", 10, MetadataFilter.ALL);
    assertThat(ids(hits)).containsExactly("doc#1", "doc#0");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
  }

  @Test
  void ranksChunksMatchingMoreQueryTermsHigher() {
    writeTexts("doc", "anchor chain rust", "anchor sail rust", "anchor sail chain");
    assertThat(ids(searchText(KB, "anchor sail chain", 10, MetadataFilter.ALL)).get(0)).isEqualTo("doc#2");
  }

  @Test
  void matchesPluralsAndSingularsAlike() {
    writeTexts("doc", "The tide turned at noon.", "Ferries leave hourly.", "Nothing here.");
    assertThat(ids(searchText(KB, "tides", 10, MetadataFilter.ALL))).containsExactly("doc#0");
    assertThat(ids(searchText(KB, "ferry", 10, MetadataFilter.ALL))).containsExactly("doc#1");
  }

  @Test
  void returnsAtMostTopK() {
    writeTexts("doc", "tide one", "tide two", "tide three", "tide four", "tide five");
    assertThat(searchText(KB, "tide", 2, MetadataFilter.ALL)).hasSize(2);
    assertThat(searchText(KB, "tide", 50, MetadataFilter.ALL)).hasSize(5);
  }

  @Test
  void appliesTheFilterBeforeTopK() {
    write("loud", IntStream.range(0, 20).mapToObj(i -> chunk("loud", i).text("tide tide tide").build()).toList());
    write("quiet", List.of(chunk("quiet", 0).text("one tide among many other words here").meta("lang", "la").build()));
    assertThat(ids(searchText(KB, "tide", 1, MetadataFilter.eq("lang", "la")))).containsExactly("quiet#0");
  }

  @Test
  void appliesListAndRangeFilters() {
    write(TaggedChunks.all().stream().map(c -> c.text("tide report").build()).toList());
    MetadataFilter filter = MetadataFilter.and(List.of(
        MetadataFilter.anyOf("tags", Set.of("blue", "yellow")), MetadataFilter.range("date", "2024-02-01", null)));
    assertThat(ids(searchText(KB, "tide", 10, filter))).containsExactlyInAnyOrder("b#0", "c#0");
  }

  @Test
  void returnsNothingForAQueryWithoutIndexableTerms() {
    writeTexts("doc", "the and of", "tide");
    assertThat(searchText(KB, "the and of", 10, MetadataFilter.ALL)).isEmpty();
    assertThat(searchText(KB, "", 10, MetadataFilter.ALL)).isEmpty();
    assertThat(searchText(KB, "  ?! -- ", 10, MetadataFilter.ALL)).isEmpty();
  }

  @Test
  void returnsNothingWhenNoChunkContainsATerm() {
    assertThat(searchText(KB, "tide", 10, MetadataFilter.ALL)).isEmpty();
    writeTexts("doc", "moon");
    assertThat(searchText(KB, "tide", 10, MetadataFilter.ALL)).isEmpty();
  }

  // --- collections and writes ---

  @Test
  void unknownCollectionIsNotFound() {
    assertThatThrownBy(() -> index.searchText("missing", "tide", 10, MetadataFilter.ALL))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> index.searchText("missing", "the", 10, MetadataFilter.ALL))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void replacedDocumentIsFoundByItsNewTextOnly() {
    writeTexts("doc", "walrus on the ice", "walrus again");
    writeTexts("doc", "narwhal in the sea");
    assertThat(searchText(KB, "walrus", 10, MetadataFilter.ALL)).isEmpty();
    assertThat(ids(searchText(KB, "narwhal", 10, MetadataFilter.ALL))).containsExactly("doc#0");
  }

  @Test
  void deletedDocumentIsNotFound() {
    writeTexts("doc", "walrus on the ice");
    writeTexts("other", "walrus in the zoo");
    index.deleteDocument(KB, "doc");
    assertThat(ids(searchText(KB, "walrus", 10, MetadataFilter.ALL))).containsExactly("other#0");
  }

  @Test
  void knowledgeBasesAreIsolated() {
    index.createCollection("second", DIM);
    writeTexts("doc", "walrus in the first");
    index.replaceDocument("second", "doc", List.of(embed(chunk("doc", 0).text("walrus in the second").build())));
    index.deleteDocument(KB, "doc");
    assertThat(searchText(KB, "walrus", 10, MetadataFilter.ALL)).isEmpty();
    assertThat(searchText("second", "walrus", 10, MetadataFilter.ALL)).extracting(h -> h.chunk().text())
        .containsExactly("walrus in the second");
  }

  // --- helpers ---

  /** Writes one chunk per text as document {@code documentId}, replacing what it had. */
  protected void writeTexts(String documentId, String... texts) {
    write(documentId, IntStream.range(0, texts.length).mapToObj(i -> chunk(documentId, i).text(texts[i]).build()).toList());
  }

  private void write(String documentId, List<Chunk> chunks) {
    index.replaceDocument(KB, documentId, chunks.stream().map(LexicalIndexContract::embed).toList());
  }

  /** Writes each chunk as its own document. */
  private void write(List<Chunk> chunks) {
    chunks.forEach(c -> write(c.documentId(), List.of(c)));
  }

  private static EmbeddedChunk embed(Chunk chunk) {
    return new EmbeddedChunk(chunk, Vectors.atAngle(0, DIM));
  }

  /** Searches and checks what holds for every result: positive scores, best first. */
  protected List<ScoredChunk> searchText(String kb, String query, int topK, MetadataFilter filter) {
    List<ScoredChunk> hits = index.searchText(kb, query, topK, filter);
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
    }
    assertThat(hits).allSatisfy(h -> assertThat(h.score()).isPositive());
    return hits;
  }

  protected static List<String> ids(List<ScoredChunk> hits) {
    return hits.stream().map(h -> h.chunk().id()).toList();
  }
}
