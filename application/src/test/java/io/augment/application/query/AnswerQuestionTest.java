package io.augment.application.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.InMemoryPlatform;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.retrieval.MetadataFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnswerQuestionTest {
  private InMemoryPlatform platform;

  @BeforeEach
  void setUp() {
    platform = new InMemoryPlatform();
    platform.createKnowledgeBase("kb", 50, 0);
    platform.ingest.ingest("kb", IngestCommand.text("cats", "Cats", "Cats purr when they are content and sleep most of the day.", Map.of("topic", "pets")));
    platform.ingest.ingest("kb", IngestCommand.text("rust", "Rust", "Rust is a systems programming language with a borrow checker.", Map.of("topic", "code")));
  }

  @Test
  void answersWithCitationsOfTheNearestChunksAndTimings() {
    Answer answer = platform.answers.answer(new QueryCommand("kb", "why do cats purr", 1, null, null));

    assertThat(answer.citations()).singleElement().satisfies(c -> {
      assertThat(c.number()).isEqualTo(1);
      assertThat(c.documentId()).isEqualTo("cats");
      assertThat(c.chunkId()).isEqualTo("cats#0");
      assertThat(c.title()).isEqualTo("Cats");
      assertThat(c.text()).contains("purr");
      assertThat(c.cited()).isTrue();
      assertThat(c.score()).isBetween(0.5, 1.0);
    });
    assertThat(answer.text()).contains("purr");
    assertThat(answer.generator()).isEqualTo("quote-first");
    assertThat(answer.timings().totalMs()).isGreaterThanOrEqualTo(answer.timings().generateMs());
    assertThat(answer.timings().embedMs()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aReaderWhoseContextWindowHoldsOneSourceReadsTheBestRankedOneWithItsInstructions() {
    List<io.augment.domain.augmentation.Prompt> asked = new ArrayList<>();
    io.augment.domain.generation.Generator smallWindow = new io.augment.domain.generation.Generator() {
      @Override
      public String id() {
        return "small-window";
      }

      @Override
      public io.augment.domain.generation.Generation generate(io.augment.domain.augmentation.Prompt prompt,
          io.augment.domain.generation.GenerationOptions options) {
        asked.add(prompt);
        return new io.augment.domain.generation.Generation("they are content [1]", id(), false,
            new io.augment.domain.generation.TokenUsage(1, 1), "stop");
      }

      @Override
      public boolean fits(io.augment.domain.augmentation.Prompt prompt,
          io.augment.domain.generation.GenerationOptions options) {
        return prompt.context().size() <= 1;
      }
    };

    Answer answer = platform.answers.answer(new QueryCommand("kb", "why do cats purr", 2, null, null), smallWindow);

    assertThat(asked).singleElement().satisfies(p -> {
      assertThat(p.context()).singleElement().satisfies(c -> assertThat(c.source().chunk().documentId()).isEqualTo("cats"));
      assertThat(p.dropped()).isEqualTo(1);
      assertThat(p.system()).isNotBlank();
    });
    assertThat(answer.citations()).extracting(Citation::documentId).containsExactly("cats");
  }

  @Test
  void aReaderWithoutAKnownWindowGetsEverySourceThatFitsTheBudget() {
    Answer answer = platform.answers.answer(new QueryCommand("kb", "why do cats purr", 2, null, null));

    assertThat(answer.citations()).extracting(Citation::documentId).containsExactly("cats", "rust");
  }

  @Test
  void metadataFilterLimitsTheSources() {
    Answer answer = platform.answers.answer(new QueryCommand("kb", "why do cats purr", 5, MetadataFilter.eq("topic", "code"), null));
    assertThat(answer.citations()).extracting(Citation::documentId).containsExactly("rust");
  }

  @Test
  void streamsSourcesFirstThenTextThenTheWholeAnswer() {
    List<String> events = new ArrayList<>();
    platform.answers.stream(new QueryCommand("kb", "borrow checker", 2, null, null), new AnswerSink() {
      @Override
      public void sources(List<Citation> citations) {
        events.add("sources:" + citations.size());
      }

      @Override
      public void token(String piece) {
        events.add("token");
      }

      @Override
      public void complete(Answer answer) {
        events.add("complete:" + answer.citations().get(0).documentId());
      }

      @Override
      public void error(Throwable error) {
        events.add("error");
      }
    });
    assertThat(events).containsExactly("sources:2", "token", "complete:rust");
  }

  @Test
  void refusesBlankQuestionsBadTopKAndUnknownKnowledgeBases() {
    assertThatThrownBy(() -> new QueryCommand("kb", " ", 3, null, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("question");
    assertThatThrownBy(() -> new QueryCommand("kb", "q", 0, null, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("topK");
    assertThatThrownBy(() -> platform.answers.answer(new QueryCommand("missing", "q", 3, null, null))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void searchRanksTheMatchingDocumentFirst() {
    SearchResult result = platform.search.search(new QueryCommand("kb", "systems programming language", 2, null, null));
    assertThat(result.chunks()).hasSize(2);
    assertThat(result.chunks().get(0).chunk().documentId()).isEqualTo("rust");
    assertThat(result.chunks().get(0).score()).isGreaterThan(result.chunks().get(1).score());
  }
}
