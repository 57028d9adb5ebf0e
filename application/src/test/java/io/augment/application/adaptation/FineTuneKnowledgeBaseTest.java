package io.augment.application.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.InMemoryPlatform;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.adaptation.AdaptationJob;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.FineTuner;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.job.JobStatus;
import io.augment.domain.job.Progress;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.testing.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FineTuneKnowledgeBaseTest {
  private static final TrainingSettings TRAINING = new TrainingSettings(1, 10, 2, 16, 1e-3, 1);

  private final List<FineTuneRequest> started = new ArrayList<>();
  private final FineTuner recording = new FineTuner() {
    @Override
    public AdaptationJob start(FineTuneRequest request) {
      started.add(request);
      return new AdaptationJob("job-" + started.size(), request, JobStatus.QUEUED, Progress.of(0, 10, "steps", java.time.Duration.ZERO), null, null);
    }

    @Override
    public Optional<AdaptationJob> job(String id) {
      return Optional.empty();
    }

    @Override
    public List<AdaptationJob> jobs() {
      return List.of();
    }

    @Override
    public void cancel(String id) {}
  };

  private InMemoryPlatform platform;
  private FineTuneKnowledgeBase fineTune;

  @BeforeEach
  void setUp() {
    platform = new InMemoryPlatform();
    platform.createKnowledgeBase("kb", 16, 4);
    fineTune = new FineTuneKnowledgeBase(platform.knowledgeBaseRepository, platform.documentRepository, recording);
  }

  @Test
  void trainsOnOneTextPerDocumentRebuiltFromItsChunks() {
    String first = "Tides rise and fall twice a day. The Moon pulls the oceans toward it. The Sun pulls too, "
        + "but less, and spring tides come when both pull together.";
    platform.ingest.ingest("kb", IngestCommand.text("tides", "Tides", first, Map.of()));
    platform.ingest.ingest("kb", IngestCommand.text("bread", "Bread", "Yeast makes bread rise.", Map.of()));
    assertThat(platform.documentRepository.chunks("kb", "tides")).hasSizeGreaterThan(1);

    AdaptationJob job = fineTune.start(new FineTuneCommand("kb-lora", "base", AdaptationMethod.LORA, null, TRAINING, "kb", null));

    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    FineTuneRequest request = started.get(0);
    assertThat(request.lora()).isEqualTo(FineTuneCommand.DEFAULT_LORA);
    assertThat(request.texts()).hasSize(2).anySatisfy(t -> assertThat(t).isEqualTo("Yeast makes bread rise."));
    String tides = request.texts().stream().filter(t -> t.startsWith("Tides")).findFirst().orElseThrow();
    for (String sentence : first.split("(?<=\\.) ")) {
      assertThat(tides).containsOnlyOnce(sentence);
    }
  }

  @Test
  void joinsChunksRemovingTheChunkersOverlapButNotChanceMatches() {
    var a = Chunks.chunk("d", 0).text("the quick brown fox jumps over the lazy dog").build();
    var b = Chunks.chunk("d", 1).text("over the lazy dog and runs far away").build();
    var c = Chunks.chunk("d", 2).text("y the end").build();
    assertThat(FineTuneKnowledgeBase.join(List.of(a, b, c)))
        .isEqualTo("the quick brown fox jumps over the lazy dog and runs far away y the end");
  }

  @Test
  void passesGivenTextsThrough() {
    fineTune.start(new FineTuneCommand("m", "scratch", AdaptationMethod.FULL, null, TRAINING, null, List.of("a b c")));
    assertThat(started.get(0).texts()).containsExactly("a b c");
    assertThat(started.get(0).lora()).isNull();
  }

  @Test
  void refusesAnUnknownOrEmptyKnowledgeBaseAndAmbiguousSources() {
    assertThatThrownBy(() -> fineTune.start(new FineTuneCommand("m", "scratch", AdaptationMethod.FULL, null, TRAINING, "nope", null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> fineTune.start(new FineTuneCommand("m", "scratch", AdaptationMethod.FULL, null, TRAINING, "kb", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no documents");
    assertThatThrownBy(() -> new FineTuneCommand("m", "scratch", AdaptationMethod.FULL, null, TRAINING, "kb", List.of("t")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new FineTuneCommand("m", "scratch", AdaptationMethod.FULL, null, TRAINING, null, List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThat(started).isEmpty();
  }
}
