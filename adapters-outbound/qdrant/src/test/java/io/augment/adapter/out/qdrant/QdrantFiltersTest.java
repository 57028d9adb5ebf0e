package io.augment.adapter.out.qdrant;

import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.MetadataFilter;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QdrantFiltersTest {

  @Test
  void matchesEverythingWithNoConditions() {
    assertThat(QdrantFilters.conditions(MetadataFilter.ALL)).isEmpty();
    assertThat(QdrantFilters.conditions(new MetadataFilter.And(List.of(MetadataFilter.ALL)))).isEmpty();
  }

  @Test
  void turnsAValueConditionIntoAKeywordMatchOnTheValueField() {
    assertThat(QdrantFilters.conditions(MetadataFilter.eq("lang", "de"))).containsExactly(matchKeyword("m_lang", "de"));
    assertThat(QdrantFilters.conditions(MetadataFilter.in("lang", Set.of("fr", "en"))))
        .containsExactly(matchKeywords("m_lang", List.of("en", "fr")));
  }

  @Test
  void filtersTheDocumentIdLikeAnyOtherKey() {
    assertThat(QdrantFilters.conditions(MetadataFilter.eq(MetadataFilter.DOCUMENT_ID, "d")))
        .containsExactly(matchKeyword("m_documentId", "d"));
  }

  @Test
  void turnsAnyOfIntoAKeywordMatchOnTheElementsField() {
    assertThat(QdrantFilters.conditions(MetadataFilter.anyOf("tags", Set.of("red"))))
        .containsExactly(matchKeyword("l_tags", "red"));
  }

  @Test
  void flattensNestedAndsIntoConditionsThatMustAllHold() {
    MetadataFilter filter = MetadataFilter.and(List.of(MetadataFilter.eq("a", "1"),
        MetadataFilter.and(List.of(MetadataFilter.ALL, MetadataFilter.eq("b", "2")))));
    assertThat(QdrantFilters.conditions(filter)).containsExactly(matchKeyword("m_a", "1"), matchKeyword("m_b", "2"));
  }

  @Test
  void comparesAShortBoundOnItsOnlyRankGroup() {
    long group = PayloadFields.rankGroups("ab", 22)[0];
    assertThat(QdrantFilters.conditions(MetadataFilter.range("k", "ab", null)))
        .containsExactly(range("r0_k", Range.newBuilder().setGte(group).build()));
    assertThat(QdrantFilters.conditions(MetadataFilter.range("k", null, "ab")))
        .containsExactly(range("r0_k", Range.newBuilder().setLte(group).build()));
  }

  @Test
  void comparesALongerBoundGroupByGroupLexicographically() {
    long[] groups = PayloadFields.rankGroups("abcd", 22);
    assertThat(QdrantFilters.conditions(MetadataFilter.range("k", "abcd", null))).containsExactly(filter(Filter.newBuilder()
        .addShould(range("r0_k", Range.newBuilder().setGt(groups[0]).build()))
        .addShould(filter(Filter.newBuilder()
            .addMust(match("r0_k", groups[0]))
            .addMust(range("r1_k", Range.newBuilder().setGte(groups[1]).build()))
            .build()))
        .build()));
  }

  @Test
  void refusesRangeBoundsLongerThanTheStoredRankGroups() {
    String longest = "x".repeat(PayloadFields.MAX_RANGE_BOUND);
    assertThat(QdrantFilters.conditions(MetadataFilter.range("k", longest, null))).hasSize(1);
    assertThatThrownBy(() -> QdrantFilters.conditions(MetadataFilter.range("k", null, longest + "x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("filter.k");
  }
}
