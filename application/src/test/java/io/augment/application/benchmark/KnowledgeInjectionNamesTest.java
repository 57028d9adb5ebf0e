package io.augment.application.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class KnowledgeInjectionNamesTest {

  @Test
  void theSameWorldAndRecipeNameTheSameBaseModelAndAnyChangeAnother() {
    KnowledgeInjectionSpec spec = KnowledgePresets.defaults();
    assertEquals(KnowledgeInjection.baseModelName(spec), KnowledgeInjection.baseModelName(KnowledgePresets.defaults()));
    assertTrue(KnowledgeInjection.baseModelName(spec).matches("kib-base-[0-9a-f]{10}"));
    BaseModelRecipe r = spec.recipe();
    KnowledgeInjectionSpec moreSteps = new KnowledgeInjectionSpec(spec.world(), new BaseModelRecipe(r.shape(),
        r.readingExamples(), r.maxPassages(), r.qaRepeats(), new TrainingSettings(0, r.training().maxSteps() + 1,
        r.training().batchSize(), r.training().sequenceLength(), r.training().learningRate(), 1)),
        spec.fineTune(), spec.loraTraining(), spec.lora(), spec.topK(), spec.maxTokens(), spec.qualitySample());
    assertNotEquals(KnowledgeInjection.baseModelName(spec), KnowledgeInjection.baseModelName(moreSteps));
    assertNotEquals(KnowledgeInjection.baseModelName(spec),
        KnowledgeInjection.baseModelName(spec.withShape(new ModelShape(r.shape().vocabSize(), r.shape().contextLength(),
            r.shape().width(), r.shape().layers() + 1, r.shape().heads()))));
  }

  @Test
  void refusesAnUnknownPresetNamingSize() {
    assertEquals("size", assertThrows(InvalidInputException.class, () -> KnowledgePresets.named("huge")).field());
    assertEquals(KnowledgePresets.defaults(), KnowledgePresets.named(null));
  }
}
