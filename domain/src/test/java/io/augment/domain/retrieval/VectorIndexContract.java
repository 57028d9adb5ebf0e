package io.augment.domain.retrieval;

import static io.augment.domain.testing.Chunks.chunk;
import static io.augment.domain.testing.Chunks.embedded;
import static io.augment.domain.testing.Vectors.scoreAtAngle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.testing.Chunks;
import io.augment.domain.testing.TaggedChunks;
import io.augment.domain.testing.Vectors;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link VectorIndex} must do. An adapter's test extends this class and supplies the
 * instance; {@link #reopen} says whether the adapter keeps data across instances.
 */
public abstract class VectorIndexContract {

  protected static final String KB = "kb";
  protected static final int DIM = 4;
  private static final double EPS = 1e-4;

  protected VectorIndex index;

  /** A new, empty index. */
  protected abstract VectorIndex newIndex();

  /** Closes {@code old} and opens its storage again; null when nothing outlives an instance. */
  protected VectorIndex reopen(VectorIndex old) {
    return null;
  }

  /** Releases an index made by {@link #newIndex} or {@link #reopen}. */
  protected void close(VectorIndex index) {}

  /** False for an index configured to search approximately at every size (to test that path too). */
  protected boolean searchesSmallCollectionsExactly() {
    return true;
  }

  /** True for an index that can tell the bytes a collection takes ({@link VectorIndex#storageBytes}); a remote store cannot. */
  protected boolean reportsStorageBytes() {
    return false;
  }

  @BeforeEach
  void createIndexWithCollection() {
    index = newIndex();
    index.createCollection(KB, DIM);
  }

  @AfterEach
  void closeIndex() {
    close(index);
  }

  // --- collections ---

  @Test
  void createsFindsAndDropsCollections() {
    assertThat(index.collectionExists("other")).isFalse();
    index.createCollection("other", DIM);
    assertThat(index.collectionExists("other")).isTrue();
    index.dropCollection("other");
    assertThat(index.collectionExists("other")).isFalse();
    assertThat(index.collectionExists(KB)).isTrue();
  }

  @Test
  void ignoresDroppingAnAbsentCollection() {
    index.dropCollection("never-created");
    assertThat(index.collectionExists("never-created")).isFalse();
  }

  @Test
  void droppedCollectionCanBeRecreatedEmptyWithAnotherDimension() {
    write("doc", embedded("doc", 0, at(0)));
    index.dropCollection(KB);
    index.createCollection(KB, 8);
    assertThat(index.count(KB)).isZero();
    write("doc", embedded("doc", 0, Vectors.atAngle(0, 8)));
    assertThat(index.count(KB)).isEqualTo(1);
  }

  @Test
  void refusesRecreatingACollectionWithAnotherDimension() {
    write("doc", embedded("doc", 0, at(0)));
    assertThatThrownBy(() -> index.createCollection(KB, DIM * 2)).isInstanceOf(ConflictException.class);
    assertThat(index.count(KB)).isEqualTo(1);
  }

  @Test
  void recreatingWithTheSameDimensionKeepsTheContent() {
    write("doc", embedded("doc", 0, at(0)));
    index.createCollection(KB, DIM);
    assertThat(index.count(KB)).isEqualTo(1);
  }

  @Test
  void unknownCollectionIsNotFoundForWritesSearchesAndReads() {
    List<EmbeddedChunk> chunks = List.of(embedded("doc", 0, at(0)));
    assertThatThrownBy(() -> index.replaceDocument("missing", "doc", chunks)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> index.deleteDocument("missing", "doc")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> search("missing", at(0), 5, MetadataFilter.ALL)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> index.count("missing")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> index.allChunks("missing")).isInstanceOf(NotFoundException.class);
    assertThat(index.collectionExists("missing")).isFalse();
  }

  // --- search ---

  @Test
  void ranksTheNearestChunkFirstAndScoresInDescendingOrder() {
    write("doc", embedded("doc", 0, at(0)), embedded("doc", 1, at(30)), embedded("doc", 2, at(60)),
        embedded("doc", 3, at(90)));
    List<ScoredChunk> hits = search(KB, at(25), 10, MetadataFilter.ALL);
    assertThat(hits).extracting(h -> h.chunk().index()).containsExactly(1, 0, 2, 3);
    assertScores(hits, scoreAtAngle(5), scoreAtAngle(25), scoreAtAngle(35), scoreAtAngle(65));
  }

  @Test
  void scoresCosineMappedToTheUnitInterval() {
    write("doc", embedded("doc", 0, at(0)), embedded("doc", 1, at(90)), embedded("doc", 2, at(180)));
    List<ScoredChunk> hits = search(KB, at(0), 10, MetadataFilter.ALL);
    assertScores(hits, 1.0, 0.5, 0.0);
  }

  @Test
  void scoresByDirectionSoVectorLengthDoesNotMatter() {
    write("doc", embedded("doc", 0, new float[] {3, 0, 0, 0}));
    assertThat(search(KB, new float[] {0.5f, 0, 0, 0}, 1, MetadataFilter.ALL).get(0).score()).isCloseTo(1.0, within(EPS));
  }

  @Test
  void returnsAtMostTopK() {
    write("doc", IntStream.range(0, 6).mapToObj(i -> embedded("doc", i, at(i * 10))).toArray(EmbeddedChunk[]::new));
    assertThat(search(KB, at(0), 2, MetadataFilter.ALL)).extracting(h -> h.chunk().index()).containsExactly(0, 1);
  }

  @Test
  void returnsEveryChunkWhenTopKExceedsTheCount() {
    write("doc", embedded("doc", 0, at(0)), embedded("doc", 1, at(45)));
    assertThat(search(KB, at(0), 100, MetadataFilter.ALL)).hasSize(2);
  }

  @Test
  void returnsNothingFromAnEmptyCollection() {
    assertThat(search(KB, at(0), 10, MetadataFilter.ALL)).isEmpty();
  }

  // --- dimension ---

  @Test
  void refusesVectorsOfTheWrongDimensionAndWritesNothing() {
    write("kept", embedded("kept", 0, at(0)));
    List<EmbeddedChunk> mixed = List.of(embedded("doc", 0, at(0)), embedded("doc", 1, new float[] {1, 0, 0}));
    assertThatThrownBy(() -> index.replaceDocument(KB, "doc", mixed)).isInstanceOf(InvalidInputException.class);
    List<EmbeddedChunk> wrong = List.of(embedded("kept", 0, Vectors.atAngle(0, DIM + 1)));
    assertThatThrownBy(() -> index.replaceDocument(KB, "kept", wrong)).isInstanceOf(InvalidInputException.class);
    assertThat(index.allChunks(KB)).extracting(Chunk::id).containsExactly("kept#0");
  }

  @Test
  void refusesSearchingWithAVectorOfTheWrongDimension() {
    write("doc", embedded("doc", 0, at(0)));
    assertThatThrownBy(() -> search(KB, new float[] {1, 0}, 5, MetadataFilter.ALL))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesANonPositiveTopK() {
    assertThatThrownBy(() -> search(KB, at(0), 0, MetadataFilter.ALL)).isInstanceOf(InvalidInputException.class);
  }

  // --- replace and delete ---

  @Test
  void refusesChunksThatBelongToAnotherDocument() {
    List<EmbeddedChunk> foreign = List.of(embedded("doc", 0, at(0)), embedded("stranger", 0, at(0)));
    assertThatThrownBy(() -> index.replaceDocument(KB, "doc", foreign)).isInstanceOf(InvalidInputException.class);
    assertThat(index.count(KB)).isZero();
  }

  @Test
  void replacingADocumentRemovesAllItsOldChunksAndLeavesOthersAlone() {
    write("doc", embedded("doc", 0, at(0)), embedded("doc", 1, at(10)), embedded("doc", 2, at(20)));
    write("other", embedded("other", 0, at(30)));
    write("doc", chunk("doc", 0).text("new version").embedded(at(40)));
    assertThat(index.allChunks(KB)).extracting(Chunk::id, Chunk::text)
        .containsExactly(tuple("doc#0", "new version"), tuple("other#0", "Text of other#0"));
    assertThat(index.count(KB)).isEqualTo(2);
  }

  @Test
  void replacingWithNoChunksDeletesTheDocument() {
    write("doc", embedded("doc", 0, at(0)), embedded("doc", 1, at(10)));
    index.replaceDocument(KB, "doc", List.of());
    assertThat(index.count(KB)).isZero();
    assertThat(search(KB, at(0), 10, MetadataFilter.ALL)).isEmpty();
  }

  @Test
  void deletingADocumentLeavesTheOthers() {
    write("doc", embedded("doc", 0, at(0)));
    write("other", embedded("other", 0, at(10)));
    index.deleteDocument(KB, "doc");
    index.deleteDocument(KB, "never-written");
    assertThat(search(KB, at(0), 10, MetadataFilter.ALL)).extracting(h -> h.chunk().id()).containsExactly("other#0");
  }

  @Test
  void knowledgeBasesAreIsolated() {
    index.createCollection("second", DIM);
    write("doc", chunk("doc", 0).text("first kb").embedded(at(0)));
    index.replaceDocument("second", "doc", List.of(chunk("doc", 0).text("second kb").embedded(at(0))));
    index.deleteDocument(KB, "doc");
    assertThat(index.count(KB)).isZero();
    assertThat(search("second", at(0), 10, MetadataFilter.ALL)).extracting(h -> h.chunk().text()).containsExactly("second kb");
    index.dropCollection("second");
    assertThat(index.collectionExists(KB)).isTrue();
  }

  // --- filters ---

  @Test
  void filtersOnAMetadataValue() {
    writeLanguages();
    assertThat(ids(search(KB, at(0), 10, MetadataFilter.eq("lang", "de")))).containsExactly("de#0");
    assertThat(search(KB, at(0), 10, MetadataFilter.eq("absent-key", "de"))).isEmpty();
  }

  @Test
  void filtersOnTheDocumentId() {
    writeLanguages();
    assertThat(ids(search(KB, at(0), 10, MetadataFilter.eq(MetadataFilter.DOCUMENT_ID, "fr")))).containsExactly("fr#0");
  }

  @Test
  void filtersOnAnyOfSeveralValues() {
    writeLanguages();
    assertThat(ids(search(KB, at(0), 10, MetadataFilter.in("lang", Set.of("en", "fr"))))).containsExactly("en#0", "fr#0");
  }

  @Test
  void filtersOnAllOfSeveralConditions() {
    writeLanguages();
    MetadataFilter filter = MetadataFilter.and(List.of(
        MetadataFilter.in("lang", Set.of("en", "de")), MetadataFilter.eq("year", "2024")));
    assertThat(ids(search(KB, at(0), 10, filter))).containsExactly("de#0");
  }

  @Test
  void appliesTheFilterBeforeTopK() {
    write("near", IntStream.range(0, 20).mapToObj(i -> embedded("near", i, at(i))).toArray(EmbeddedChunk[]::new));
    write("far", chunk("far", 0).meta("lang", "la").embedded(at(170)));
    assertThat(ids(search(KB, at(0), 1, MetadataFilter.eq("lang", "la")))).containsExactly("far#0");
  }

  // --- list and range filters (metadata of TaggedChunks) ---

  @Test
  void anyOfMatchesOneElementOfACommaSeparatedList() {
    writeTagged();
    assertThat(tagged(MetadataFilter.anyOf("tags", Set.of("blue")))).containsExactly("a#0", "b#0");
    assertThat(tagged(MetadataFilter.anyOf("tags", Set.of("yellow", "red")))).containsExactly("a#0", "c#0");
    assertThat(tagged(MetadataFilter.anyOf("tags", Set.of("green")))).containsExactly("c#0");
  }

  @Test
  void anyOfComparesWholeElementsExactly() {
    writeTagged();
    assertThat(tagged(MetadataFilter.anyOf("tags", Set.of("Blue")))).containsExactly("e#0");
    assertThat(tagged(MetadataFilter.anyOf("tags", Set.of("re", "red, blue", " green")))).isEmpty();
  }

  @Test
  void rangeWithOnlyAnUpperBoundIncludesIt() {
    writeTagged();
    assertThat(tagged(MetadataFilter.range("date", null, "2024-01-15"))).containsExactly("a#0", "e#0");
  }

  @Test
  void rangeWithOnlyALowerBoundIncludesIt() {
    writeTagged();
    assertThat(tagged(MetadataFilter.range("date", "2024-03-01", null))).containsExactly("b#0", "c#0");
  }

  @Test
  void rangeIncludesBothBounds() {
    writeTagged();
    assertThat(tagged(MetadataFilter.range("date", "2024-01-15", "2024-03-31"))).containsExactly("a#0", "b#0", "c#0");
    assertThat(tagged(MetadataFilter.range("date", "2024-01-16", "2024-03-30"))).containsExactly("b#0");
    assertThat(tagged(MetadataFilter.range("date", "2024-04-01", "2024-12-31"))).isEmpty();
  }

  @Test
  void aChunkLackingTheKeyNeverMatchesAListOrRangeFilter() {
    writeTagged();
    assertThat(tagged(MetadataFilter.range("date", "", null))).containsExactly("a#0", "b#0", "c#0", "e#0");
    assertThat(tagged(MetadataFilter.anyOf("tags", Set.of("", "red", "blue", "Blue", "green", "yellow"))))
        .containsExactly("a#0", "b#0", "c#0", "e#0");
  }

  @Test
  void combinesListAndRangeFiltersWithOthers() {
    writeTagged();
    MetadataFilter blueSinceFebruary = MetadataFilter.and(List.of(
        MetadataFilter.anyOf("tags", Set.of("blue", "Blue")), MetadataFilter.range("date", "2024-02-01", null)));
    assertThat(tagged(blueSinceFebruary)).containsExactly("b#0");
    MetadataFilter redInA = MetadataFilter.and(List.of(
        MetadataFilter.eq(MetadataFilter.DOCUMENT_ID, "a"), MetadataFilter.anyOf("tags", Set.of("red"))));
    assertThat(tagged(redInA)).containsExactly("a#0");
    MetadataFilter nested = MetadataFilter.and(List.of(MetadataFilter.ALL,
        MetadataFilter.and(List.of(MetadataFilter.range("date", null, "2024-03-01"), MetadataFilter.eq("lang", "x")))));
    assertThat(tagged(nested)).isEmpty();
  }

  @Test
  void appliesListAndRangeFiltersToTheDocumentId() {
    writeTagged();
    assertThat(tagged(MetadataFilter.range(MetadataFilter.DOCUMENT_ID, "b", "d"))).containsExactly("b#0", "c#0", "d#0");
    assertThat(tagged(MetadataFilter.anyOf(MetadataFilter.DOCUMENT_ID, Set.of("c", "e", "z")))).containsExactly("c#0", "e#0");
  }

  @Test
  void anAndOfNothingButEmptyAndsMatchesEverything() {
    writeTagged();
    MetadataFilter emptyAnds = new MetadataFilter.And(List.of(MetadataFilter.ALL, new MetadataFilter.And(List.of())));
    assertThat(tagged(emptyAnds)).containsExactly("a#0", "b#0", "c#0", "d#0", "e#0");
  }

  // --- content ---

  @Test
  void roundTripsEveryChunkField() {
    Chunk original = chunk("doc-1", 7).title("Über Vektoren").text("Ein Text — mit Unicode ✓\nund Zeilen.")
        .tokenCount(42).meta("lang", "de").meta("source", "https://example.org/a?b=c").build();
    index.replaceDocument(KB, "doc-1", List.of(new EmbeddedChunk(original, at(0))));
    assertThat(search(KB, at(0), 1, MetadataFilter.ALL).get(0).chunk()).isEqualTo(original);
    assertThat(index.allChunks(KB)).containsExactly(original);
  }

  @Test
  void roundTripsAChunkWithoutTitleOrMetadata() {
    Chunk bare = new Chunk("doc#0", "doc", 0, null, "", 0, null);
    index.replaceDocument(KB, "doc", List.of(new EmbeddedChunk(bare, at(0))));
    assertThat(index.allChunks(KB)).containsExactly(bare);
  }

  @Test
  void countsTheChunksOfTheCollection() {
    write("a", embedded("a", 0, at(0)), embedded("a", 1, at(1)));
    write("b", embedded("b", 0, at(2)));
    assertThat(index.count(KB)).isEqualTo(3);
  }

  @Test
  void listsAllChunksByDocumentIdThenNumericIndex() {
    write("b", IntStream.of(11, 2, 10, 0, 1).mapToObj(i -> embedded("b", i, at(i))).toArray(EmbeddedChunk[]::new));
    write("a", embedded("a", 1, at(0)), embedded("a", 0, at(0)));
    assertThat(index.allChunks(KB)).extracting(Chunk::id)
        .containsExactly("a#0", "a#1", "b#0", "b#1", "b#2", "b#10", "b#11");
  }

  // --- atomicity and persistence ---

  @Test
  @Timeout(20)
  void concurrentSearchSeesEitherTheOldOrTheNewVersionOfADocumentWhole() throws InterruptedException {
    int size = 5;
    write("other", embedded("other", 0, at(50)));
    index.replaceDocument(KB, "doc", version(0, size));
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> failure = new AtomicReference<>();
    AtomicInteger reads = new AtomicInteger();
    Thread reader = new Thread(() -> {
      while (!done.get() && failure.get() == null) {
        List<Chunk> seen = search(KB, at(0), 3 * size, MetadataFilter.ALL).stream().map(ScoredChunk::chunk)
            .filter(c -> c.documentId().equals("doc")).toList();
        long versions = seen.stream().map(c -> c.metadata().get("version")).distinct().count();
        if (seen.size() != size || versions != 1) {
          failure.set("saw " + seen.size() + " chunks of " + versions + " versions: " + seen);
        }
        reads.incrementAndGet();
      }
    });
    reader.start();
    // The writes start once the reader has searched (a fast in-memory index could otherwise finish
    // all of them before the reader thread first runs).
    while (reads.get() == 0 && failure.get() == null && reader.isAlive()) {
      Thread.onSpinWait();
    }
    for (int v = 1; v <= 200 && failure.get() == null; v++) {
      index.replaceDocument(KB, "doc", version(v, size));
    }
    done.set(true);
    reader.join();
    assertThat(failure.get()).isNull();
    assertThat(reads.get()).isPositive();
  }

  @Test
  void keepsContentAndDimensionAfterReopening() {
    Chunk kept = chunk("doc", 0).meta("lang", "en").build();
    index.replaceDocument(KB, "doc", List.of(new EmbeddedChunk(kept, at(0))));
    VectorIndex reopened = reopen(index);
    assumeTrue(reopened != null, "this adapter keeps nothing across instances");
    index = reopened;
    assertThat(index.collectionExists(KB)).isTrue();
    assertThat(index.allChunks(KB)).containsExactly(kept);
    assertThat(search(KB, at(0), 5, MetadataFilter.eq("lang", "en"))).extracting(ScoredChunk::chunk).containsExactly(kept);
    assertThatThrownBy(() -> search(KB, new float[] {1, 0}, 5, MetadataFilter.ALL)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> index.createCollection(KB, DIM + 1)).isInstanceOf(ConflictException.class);
  }

  // --- exactness ---

  /**
   * A small collection is searched exactly: 2,000 random 32-dimension vectors are few enough to
   * scan, and enough that an approximate graph search (HNSW) misses some true neighbours.
   */
  @Test
  void topKOnASmallCollectionIsExactlyTheBruteForceTopK() {
    assumeTrue(searchesSmallCollectionsExactly(), "this index is configured to search approximately");
    int dimension = 32;
    java.util.Random random = new java.util.Random(42);
    index.createCollection("exact", dimension);
    List<EmbeddedChunk> all = new java.util.ArrayList<>();
    for (int d = 0; d < 20; d++) {
      List<EmbeddedChunk> document = new java.util.ArrayList<>();
      for (int i = 0; i < 100; i++) {
        document.add(chunk("doc-" + d, i).meta("half", String.valueOf(i % 2)).embedded(randomVector(random, dimension)));
      }
      index.replaceDocument("exact", "doc-" + d, document);
      all.addAll(document);
    }
    for (int q = 0; q < 20; q++) {
      float[] query = randomVector(random, dimension);
      assertThat(ids(search("exact", query, 10, MetadataFilter.ALL)))
          .as("query %d", q).containsExactlyElementsOf(bruteForce(all, query, 10, MetadataFilter.ALL));
      MetadataFilter half = MetadataFilter.eq("half", "1");
      assertThat(ids(search("exact", query, 10, half)))
          .as("filtered query %d", q).containsExactlyElementsOf(bruteForce(all, query, 10, half));
    }
  }

  // --- storage bytes ---

  @Test
  void storageBytesGrowWithTheChunksStoredOrAreEmptyWhereTheBackendCannotTell() {
    write("first", embedded("first", 0, at(0)));
    java.util.OptionalLong one = index.storageBytes(KB);
    java.util.Random random = new java.util.Random(7);
    for (int d = 0; d < 20; d++) {
      String id = "bulk-" + d;
      // ~500 characters of random hex per chunk, which no stored-field compression shrinks much
      write(id, IntStream.range(0, 10).mapToObj(i -> chunk(id, i).text(randomWords(random, 20))
          .embedded(at(i * 7 % 90))).toArray(EmbeddedChunk[]::new));
    }
    java.util.OptionalLong many = index.storageBytes(KB);
    if (!reportsStorageBytes()) {
      assertThat(one).isEmpty();
      assertThat(many).isEmpty();
      return;
    }

    assertThat(one).isPresent();
    assertThat(one.getAsLong()).isPositive();
    assertThat(many.getAsLong()).isGreaterThan(one.getAsLong() + 200 * 250);
  }

  @Test
  void storageBytesOfAMissingOrDroppedCollectionAreEmpty() {
    index.createCollection("other", DIM);
    index.replaceDocument("other", "doc", List.of(embedded("doc", 0, at(0))));

    index.dropCollection("other");

    assertThat(index.storageBytes("other")).isEmpty();
    assertThat(index.storageBytes("never-created")).isEmpty();
  }

  // --- helpers ---

  private static String randomWords(java.util.Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < words; w++) {
      text.append(String.format("%012x%012x ", random.nextLong() & 0xffffffffffffL, random.nextLong() & 0xffffffffffffL));
    }
    return text.toString();
  }

  protected static float[] at(double degrees) {
    return Vectors.atAngle(degrees, DIM);
  }

  protected void write(String documentId, EmbeddedChunk... chunks) {
    index.replaceDocument(KB, documentId, List.of(chunks));
  }

  protected List<ScoredChunk> search(String kb, float[] vector, int topK, MetadataFilter filter) {
    List<ScoredChunk> hits = index.search(kb, vector, topK, filter);
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
    }
    assertThat(hits).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
    return hits;
  }

  private void writeLanguages() {
    write("en", chunk("en", 0).meta("lang", "en").meta("year", "2023").embedded(at(0)));
    write("de", chunk("de", 0).meta("lang", "de").meta("year", "2024").embedded(at(10)));
    write("fr", chunk("fr", 0).meta("lang", "fr").meta("year", "2024").embedded(at(20)));
  }

  private void writeTagged() {
    List<Chunks.Builder> chunks = TaggedChunks.all();
    for (int i = 0; i < chunks.size(); i++) {
      EmbeddedChunk chunk = chunks.get(i).embedded(at(10 * i));
      write(chunk.chunk().documentId(), chunk);
    }
  }

  /** Ids of the tagged chunks matching {@code filter}, nearest to a's vector first (so a, b, c, d, e). */
  private List<String> tagged(MetadataFilter filter) {
    return ids(search(KB, at(0), 10, filter));
  }

  private static float[] randomVector(java.util.Random random, int dimension) {
    float[] vector = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return vector;
  }

  /** Ids of the {@code topK} chunks of {@code all} matching {@code filter} by descending cosine. */
  private static List<String> bruteForce(List<EmbeddedChunk> all, float[] query, int topK, MetadataFilter filter) {
    return all.stream().filter(c -> filter.test(c.chunk().documentId(), c.chunk().metadata()))
        .sorted(java.util.Comparator.comparingDouble((EmbeddedChunk c) -> -cosine(query, c.vector())))
        .limit(topK).map(c -> c.chunk().id()).toList();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static List<String> ids(List<ScoredChunk> hits) {
    return hits.stream().map(h -> h.chunk().id()).toList();
  }

  private static List<EmbeddedChunk> version(int version, int size) {
    return IntStream.range(0, size)
        .mapToObj(i -> chunk("doc", i).meta("version", String.valueOf(version)).embedded(at(version % 2 + i)))
        .toList();
  }

  private static void assertScores(List<ScoredChunk> hits, double... expected) {
    assertThat(hits).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(hits.get(i).score()).as("score of hit %d", i).isCloseTo(expected[i], within(EPS));
    }
  }
}
