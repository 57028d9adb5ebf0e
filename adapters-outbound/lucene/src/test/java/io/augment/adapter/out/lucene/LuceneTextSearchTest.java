package io.augment.adapter.out.lucene;

import static io.augment.domain.testing.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.NotFoundException;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.ScoredChunk;
import io.augment.domain.testing.Vectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneTextSearchTest {

  @TempDir
  Path root;

  private LuceneVectorIndex index;

  @BeforeEach
  void writeThreeDocuments() {
    index = new LuceneVectorIndex(root);
    index.createCollection("kb", 4);
    write("cats", "Cats are sleeping on the warm sofa.", "en");
    write("dogs", "The dog barks at the postman; dogs bark loudly.", "en");
    write("hunde", "Der Hund bellt den Postboten an.", "de");
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void findsChunksByStemmedWords() {
    assertThat(ids(index.searchText("kb", "barking dog", 10, MetadataFilter.ALL))).containsExactly("dogs#0");
    assertThat(ids(index.searchText("kb", "sleep", 10, MetadataFilter.ALL))).containsExactly("cats#0");
  }

  @Test
  void ranksChunksMatchingMoreWordsHigher() {
    List<ScoredChunk> hits = index.searchText("kb", "postman postboten bark", 10, MetadataFilter.ALL);
    assertThat(ids(hits)).containsExactly("dogs#0", "hunde#0");
  }

  @Test
  void appliesTheMetadataFilter() {
    assertThat(ids(index.searchText("kb", "postman postboten", 10, MetadataFilter.eq("lang", "de")))).containsExactly("hunde#0");
  }

  @Test
  void returnsNothingForAQueryOfOnlyStopWords() {
    assertThat(index.searchText("kb", "the and of", 10, MetadataFilter.ALL)).isEmpty();
  }

  @Test
  void unknownCollectionIsNotFound() {
    assertThatThrownBy(() -> index.searchText("missing", "dog", 10, MetadataFilter.ALL)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> index.searchText("missing", "the", 10, MetadataFilter.ALL)).isInstanceOf(NotFoundException.class);
  }

  private void write(String documentId, String text, String lang) {
    index.replaceDocument("kb", documentId,
        List.of(chunk(documentId, 0).text(text).meta("lang", lang).embedded(Vectors.atAngle(0, 4))));
  }

  private static List<String> ids(List<ScoredChunk> hits) {
    return hits.stream().map(h -> h.chunk().id()).toList();
  }
}
