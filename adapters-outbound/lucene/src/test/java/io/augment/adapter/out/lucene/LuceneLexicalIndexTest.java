package io.augment.adapter.out.lucene;

import static io.augment.domain.testing.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.retrieval.LexicalIndexContract;
import io.augment.domain.retrieval.MetadataFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneLexicalIndexTest extends LexicalIndexContract<LuceneVectorIndex> {

  @TempDir
  Path root;

  @Override
  protected LuceneVectorIndex newIndex() {
    return new LuceneVectorIndex(root);
  }

  @Override
  protected void close(LuceneVectorIndex index) {
    index.close();
  }

  @Test
  void stemsVerbFormsTooWithPorter() {
    writeTexts("doc", "Cats are sleeping on the warm sofa.", "The dog barks at the postman; dogs bark loudly.");
    assertThat(ids(searchText(KB, "barking dog", 10, MetadataFilter.ALL))).containsExactly("doc#1");
    assertThat(ids(searchText(KB, "sleep", 10, MetadataFilter.ALL))).containsExactly("doc#0");
  }

  @Test
  void findsTextAndFiltersOnListElementsAfterReopening() {
    index.replaceDocument(KB, "doc", List.of(chunk("doc", 0)
        .text("walrus on the ice").meta("tags", "arctic, mammal").embedded(new float[] {1, 0})));
    index.close();
    index = newIndex();
    MetadataFilter mammals = MetadataFilter.anyOf("tags", Set.of("mammal"));
    assertThat(ids(searchText(KB, "walrus", 10, mammals))).containsExactly("doc#0");
  }
}
