package io.augment.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.InMemoryPlatform;
import io.augment.application.ingest.IngestResult.Outcome;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.domain.job.Progress;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.PayloadTooLargeException;
import io.augment.domain.model.UnsupportedMediaTypeException;
import io.augment.domain.testing.HashingEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestDocumentsTest {
  private InMemoryPlatform platform;

  @BeforeEach
  void setUp() {
    platform = new InMemoryPlatform();
    platform.createKnowledgeBase("kb", 20, 0);
  }

  private static String words(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i + ".").collect(Collectors.joining(" "));
  }

  @Test
  void storesChunksAndRecordOfANewDocument() {
    IngestResult result = platform.ingest.ingest("kb", IngestCommand.text("doc", "A title", words("alpha", 50), Map.of("k", "v")));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.document().chunkCount()).isEqualTo(3);
    assertThat(platform.index.count("kb")).isEqualTo(3);
    assertThat(platform.documents.chunks("kb", "doc")).hasSize(3).allSatisfy(c -> assertThat(c.metadata()).containsEntry("k", "v"));
    assertThat(platform.knowledgeBases.get("kb").knowledgeBase().revision()).isEqualTo(1);
  }

  @Test
  void reingestingUnchangedContentEmbedsNothingAndChangesNothing() {
    platform.ingest.ingest("kb", IngestCommand.text("doc", "T", words("alpha", 30), Map.of()));
    int calls = platform.model.batchSizes().size();

    IngestResult again = platform.ingest.ingest("kb", IngestCommand.text("doc", "T", words("alpha", 30), Map.of()));

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(platform.model.batchSizes()).hasSize(calls);
    assertThat(platform.knowledgeBases.get("kb").knowledgeBase().revision()).isEqualTo(1);
  }

  @Test
  void changedContentReplacesAllOldChunks() {
    platform.ingest.ingest("kb", IngestCommand.text("doc", "T", words("alpha", 60), Map.of()));
    IngestResult changed = platform.ingest.ingest("kb", IngestCommand.text("doc", "T", words("beta", 10), Map.of()));

    assertThat(changed.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(platform.index.count("kb")).isEqualTo(1);
    assertThat(platform.index.allChunks("kb")).singleElement().satisfies(c -> assertThat(c.text()).startsWith("beta0"));
    assertThat(platform.documents.chunks("kb", "doc")).hasSize(1);
  }

  @Test
  void changedMetadataAloneCountsAsAChange() {
    platform.ingest.ingest("kb", IngestCommand.text("doc", "T", "same text", Map.of("v", "1")));
    IngestResult changed = platform.ingest.ingest("kb", IngestCommand.text("doc", "T", "same text", Map.of("v", "2")));
    assertThat(changed.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(platform.index.allChunks("kb").get(0).metadata()).containsEntry("v", "2");
  }

  @Test
  void deletingADocumentRemovesAllItsChunks() {
    platform.ingest.ingest("kb", IngestCommand.text("doc", "T", words("alpha", 60), Map.of()));
    platform.ingest.ingest("kb", IngestCommand.text("other", "T", words("gamma", 5), Map.of()));

    platform.documents.delete("kb", "doc");

    assertThat(platform.index.allChunks("kb")).extracting(c -> c.documentId()).containsOnly("other");
    assertThatThrownBy(() -> platform.documents.get("kb", "doc")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void derivesTheIdFromTheTitleWhenNoneIsGiven() {
    IngestResult result = platform.ingest.ingest("kb", IngestCommand.text(null, "Über die Brücke!", "text", Map.of()));
    assertThat(result.documentId()).isEqualTo("uber-die-brucke");
  }

  @Test
  void embedsChunksOfManyDocumentsTogetherInFullBatches() {
    List<IngestCommand> docs = IntStream.range(0, 10)
        .mapToObj(i -> IngestCommand.text("d" + i, "T", words("w" + i + "x", 30), Map.of())).toList();
    List<Progress> progress = new ArrayList<>();

    List<IngestResult> results = platform.ingest.ingestAll("kb", docs, progress::add, () -> false);

    assertThat(results).hasSize(10).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED));
    assertThat(platform.model.batchSizes()).containsExactly(8, 8, 4); // 20 chunks, batch size 8
    assertThat(progress.get(progress.size() - 1).done()).isEqualTo(20);
    assertThat(progress.get(progress.size() - 1).total()).isEqualTo(20);
    assertThat(platform.index.count("kb")).isEqualTo(20);
  }

  @Test
  void aBadDocumentInABatchFailsAloneAndTheOthersAreStored() {
    List<IngestCommand> docs = List.of(
        IngestCommand.text("good", "T", "fine text", Map.of()),
        new IngestCommand("bad", "T", "application/x-unknown", new byte[] {1}, Map.of()));
    List<IngestResult> results = platform.ingest.ingestAll("kb", docs, p -> {}, () -> false);
    assertThat(results).extracting(IngestResult::outcome).containsExactlyInAnyOrder(Outcome.CREATED, Outcome.FAILED);
    assertThat(platform.index.count("kb")).isEqualTo(1);
  }

  @Test
  void aRepeatedIdInALargeUploadFailsOnlyItsLaterCopyAndTheFirstIsStored() {
    List<IngestCommand> docs = new ArrayList<>(IntStream.range(0, 40)
        .mapToObj(i -> IngestCommand.text("d" + i, "T", words("w" + i + "x", 5), Map.of())).toList());
    docs.add(IngestCommand.text("d7", "T", "a second text under the same id", Map.of()));

    List<IngestResult> results = platform.ingest.ingestAll("kb", docs, p -> {}, () -> false);

    assertThat(results).hasSize(41);
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.FAILED).singleElement()
        .satisfies(r -> assertThat(r.documentId()).isEqualTo("d7"));
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.CREATED).extracting(IngestResult::documentId)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).mapToObj(i -> "d" + i).toList());
    assertThat(platform.documents.chunks("kb", "d7")).allSatisfy(c -> assertThat(c.text()).contains("w7x0."));
  }

  @Test
  void cancellingStopsBeforeTheNextBatch() {
    List<IngestCommand> docs = IntStream.range(0, 10)
        .mapToObj(i -> IngestCommand.text("d" + i, "T", words("w" + i + "x", 30), Map.of())).toList();
    int[] batches = {0};
    platform.ingest.ingestAll("kb", docs, p -> batches[0]++, () -> batches[0] >= 2);
    assertThat(platform.index.count("kb")).isEqualTo(8);
  }

  @Test
  void refusesUnknownKnowledgeBaseEmptyTextOversizedAndUnsupportedDocuments() {
    assertThatThrownBy(() -> platform.ingest.ingest("nope", IngestCommand.text("d", "T", "x", Map.of())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> IngestCommand.text("d", "T", "   ", Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("text");
    var small = new InMemoryPlatform(new HashingEmbeddingModel(), 8, 10);
    small.createKnowledgeBase("kb", 20, 0);
    assertThatThrownBy(() -> small.ingest.ingest("kb", IngestCommand.text("d", "T", "more than ten bytes", Map.of())))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThatThrownBy(() -> platform.ingest.ingest("kb", new IngestCommand("d", "T", "image/png", new byte[] {1}, Map.of())))
        .isInstanceOf(UnsupportedMediaTypeException.class).hasMessageContaining("text/plain");
    assertThat(platform.index.count("kb")).isZero();
  }

  @Test
  void refusesToMixVectorsOfAnotherEmbeddingModel() {
    // The KB was built by model "hashing"; a deployment configured with another model must refuse it.
    var other = new InMemoryPlatform(new HashingEmbeddingModel("other-model", 64, 128), 8, 1000);
    other.knowledgeBaseRepository.create(platform.knowledgeBases.require("kb"));
    other.index.createCollection("kb", 64);

    assertThatThrownBy(() -> other.ingest.ingest("kb", IngestCommand.text("d", "T", "text", Map.of())))
        .isInstanceOf(ConflictException.class).hasMessageContaining("hashing");
    assertThatThrownBy(() -> other.knowledgeBases.create(new CreateKnowledgeBaseCommand("kb2", "", "hashing", ChunkingSettings.DEFAULT)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("other-model");
    assertThat(other.index.count("kb")).isZero();
  }

  @Test
  void tellsTheListenerOfEveryOutcomeIncludingFailures() {
    platform.ingest.ingest("kb", IngestCommand.text("a", "A", words("alpha", 5), Map.of()));
    platform.ingest.ingest("kb", IngestCommand.text("a", "A", words("alpha", 5), Map.of()));
    assertThatThrownBy(() -> platform.ingest.ingest("kb", new IngestCommand("b", "B", "application/x-nope", new byte[] {1}, Map.of())))
        .isInstanceOf(UnsupportedMediaTypeException.class);
    platform.ingest.ingestAll("kb", List.of(
        IngestCommand.text("a", "A", words("beta", 5), Map.of()),
        new IngestCommand("c", "C", "application/x-nope", new byte[] {1}, Map.of())), p -> {}, () -> false);

    assertThat(platform.heard).extracting(IngestResult::documentId, IngestResult::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", Outcome.CREATED), org.assertj.core.groups.Tuple.tuple("a", Outcome.UNCHANGED),
        org.assertj.core.groups.Tuple.tuple("b", Outcome.FAILED), org.assertj.core.groups.Tuple.tuple("c", Outcome.FAILED),
        org.assertj.core.groups.Tuple.tuple("a", Outcome.UPDATED));
  }

  @Test
  void rejectsTextMadeOnlyOfZeroWidthCharactersAsTheClientsErrorBeforeWritingAnything() {
    String invisible = "\u200b\u200c\u200d\ufeff \u2060\u200b\n\u00ad";

    assertThatThrownBy(() -> platform.ingest.ingest("kb", IngestCommand.text("ghost", "Ghost", invisible, Map.of())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("invisible")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("text"));
    assertThat(platform.index.count("kb")).isZero();
    assertThat(platform.documentRepository.find("kb", "ghost")).isEmpty();
  }

  @Test
  void cutsATitleTakenFromTheFileToWhatTheStoreKeeps() {
    String heading = "# " + "Long heading ".repeat(400) + "\n\nBody text.";

    IngestResult result = platform.ingest.ingest("kb",
        new IngestCommand("long-title", null, "text/plain", heading.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of()));

    assertThat(result.document().title()).hasSizeLessThanOrEqualTo(2000).startsWith("Long heading");
  }
}
