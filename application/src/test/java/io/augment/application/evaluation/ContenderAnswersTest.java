package io.augment.application.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.application.generation.Generators;
import io.augment.application.InMemoryPlatform;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContenderAnswersTest {
  private static final String QUESTION = "What does island 2 export?";
  private final EvaluationTestbed bed = new EvaluationTestbed();

  private ContenderAnswer ask(String contender) {
    return bed.answers.answer(Contender.parse("contenders[0]", contender), QUESTION, 3, 24);
  }

  @Test
  void ragRetrievesAndIsReadByTheDefaultGenerator() {
    ContenderAnswer a = ask("rag:handbook");

    assertThat(a.generator()).isEqualTo("quote-first");
    assertThat(a.rag()).isTrue();
    assertThat(a.retrievedDocuments()).first().isEqualTo("fact-2");
    assertThat(a.citedDocuments()).contains("fact-2");
    assertThat(a.text()).contains("cocoa");
    assertThat(a.error()).isNull();
  }

  @Test
  void ragAtAGeneratorIsReadByThatGeneratorGreedilyWithTheRunsTokenLimit() {
    ContenderAnswer a = ask("rag:handbook@oracle");

    assertThat(a.generator()).isEqualTo("oracle");
    Prompt prompt = bed.oracle.prompts.get(0);
    assertThat(prompt.system()).isEqualTo(NumberedCitationAugmenter.SYSTEM);
    assertThat(prompt.userMessage()).startsWith("Sources:").endsWith("Question: " + QUESTION);
    GenerationOptions options = bed.oracle.options.get(0);
    assertThat(options.temperature()).isZero();
    assertThat(options.maxTokens()).isEqualTo(24);
    assertThat(options.adapter()).isNull();
  }

  @Test
  void ragOverAnAdapterIsReadByTheEngineWithTheAdapterApplied() {
    ContenderAnswer a = ask("rag:handbook+adapter:tuned");

    assertThat(a.generator()).isEqualTo("djl:local");
    assertThat(a.rag()).isTrue();
    assertThat(bed.engine.options.get(0).adapter()).isEqualTo("tuned");
    assertThat(bed.engine.prompts.get(0).context()).isNotEmpty();
  }

  @Test
  void closedBookContendersGetTheClosedBookPromptAndNoSources() {
    bed.engine.script = EvaluationTestbed::knows;
    ContenderAnswer adapter = ask("adapter:tuned");
    ContenderAnswer generator = ask("generator:oracle");

    assertThat(adapter.text()).isEqualTo("cocoa");
    assertThat(adapter.rag()).isFalse();
    assertThat(adapter.citations()).isEmpty();
    assertThat(bed.engine.options.get(0).adapter()).isEqualTo("tuned");
    assertThat(generator.generator()).isEqualTo("oracle");
    for (Prompt p : List.of(bed.engine.prompts.get(0), bed.oracle.prompts.get(0))) {
      assertThat(p.system()).isEmpty();
      assertThat(p.userMessage()).isEqualTo("Question: What does island 2 export?");
      assertThat(p.context()).isEmpty();
    }
    assertThat(bed.oracle.options.get(0).temperature()).isZero();
  }

  @Test
  void aFailingBackendIsRecordedAsTheAnswersErrorNotThrown() {
    bed.oracle.script = p -> {
      throw new BackendUnavailableException("oracle", "is down", null);
    };

    ContenderAnswer a = ask("generator:oracle");

    assertThat(a.failed()).isTrue();
    assertThat(a.error()).contains("oracle: is down");
    assertThat(a.text()).isEmpty();
    assertThatThrownBy(() -> bed.answers.ask(Contender.parse("c", "generator:oracle"), QUESTION, 3, 24))
        .isInstanceOf(BackendUnavailableException.class);
  }

  @Test
  void refusesWhatTheDeploymentDoesNotHaveNamingTheField() {
    assertThatThrownBy(() -> bed.check.check("contenders[2]", Contender.parse("c", "rag:missing")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contenders[2]").hasMessageContaining("missing");
    assertThatThrownBy(() -> bed.check.check("contenders[1]", Contender.parse("c", "rag:handbook+adapter:nope")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contenders[1]").hasMessageContaining("nope");
    assertThatThrownBy(() -> bed.check.check("contenders[0]", Contender.parse("c", "generator:gpt-9")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contenders[0]").hasMessageContaining("gpt-9");
    assertThatThrownBy(() -> bed.check.check("contenders[4]", Contender.parse("c", "rag:handbook@gpt-9")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contenders[4]");
    Contender fine = Contender.parse("c", "rag:handbook+adapter:tuned");
    assertThat(bed.check.check("contenders[0]", fine)).isEqualTo(fine);
  }

  @Test
  void refusesTrainedModelsAsBadInputWhileTheEngineIsOff() {
    Generators noEngine = new Generators(new InMemoryPlatform.QuoteFirstSource(), List.of(bed.oracle));
    ContenderCheck check = new ContenderCheck(bed.platform.knowledgeBaseRepository, null, noEngine);

    assertThatThrownBy(() -> check.check("contenders[3]", Contender.parse("c", "adapter:tuned")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("contenders[3]");
          assertThat(e.reason()).contains("local engine");
        });
    assertThat(check.check("contenders[0]", Contender.parse("c", "generator:oracle")).generator()).isEqualTo("oracle");
  }
}
