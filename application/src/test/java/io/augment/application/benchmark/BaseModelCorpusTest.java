package io.augment.application.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment.domain.adaptation.TrainingSettings;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BaseModelCorpusTest {
  static final World WORLD = World.generate(new WorldConfig(3, 12, 10, 15, 4));
  static final BaseModelRecipe RECIPE = new BaseModelRecipe(new ModelShape(512, 256, 64, 2, 2), 200, 3, 2,
      new TrainingSettings(0, 10, 4, 64, 1e-3, 1));

  @Test
  void closedBookTextIsTheQuestionLineAsInferenceRendersIt() {
    assertEquals("Question: Where was Ab Cd born?\n", BaseModelCorpus.closedBook("Where was Ab Cd born?"));
    assertEquals(io.augment.application.evaluation.ClosedBook.prompt("Where was Ab Cd born?").plainText(), BaseModelCorpus.closedBook("Where was Ab Cd born?"));
  }

  @Test
  void readingExamplesAreTheRagPromptThenTheAnswerCitingTheGoldSource() {
    Pattern source = Pattern.compile("\\[(\\d+)] ([^\\n]+)\\n([^\\n]+)");
    List<String> reading = BaseModelCorpus.texts(WORLD, RECIPE).stream().filter(t -> t.contains("Sources:")).toList();
    List<WorldQuestion> asked = new java.util.ArrayList<>(WORLD.reading().trainQuestions());
    asked.addAll(WORLD.a().trainQuestions());
    List<Person> people = new java.util.ArrayList<>(WORLD.reading().people());
    people.addAll(WORLD.a().people());
    assertEquals(200, reading.size());
    for (String text : reading) {
      int questionAt = text.lastIndexOf("\n\nQuestion: ");
      String question = text.substring(questionAt + 12, text.indexOf('\n', questionAt + 2));
      String answerLine = text.substring(text.lastIndexOf('\n') + 1);
      WorldQuestion q = asked.stream().filter(x -> x.question().equals(question))
          .filter(x -> answerLine.startsWith(" " + x.answer() + " [")).findFirst().orElseThrow();
      int cited = Integer.parseInt(answerLine.substring(answerLine.indexOf('[') + 1, answerLine.indexOf(']')));
      Matcher m = source.matcher(text);
      boolean found = false;
      while (m.find()) {
        if (Integer.parseInt(m.group(1)) == cited) {
          Person p = people.stream().filter(x -> x.id().equals(q.documentId())).findFirst().orElseThrow();
          assertEquals(p.name(), m.group(2));
          assertTrue(m.group(3).contains(q.answer()));
          found = true;
        }
      }
      assertTrue(found, text);
      assertTrue(text.startsWith(BaseModelCorpus.readingPrompt(question, List.of()).system()));
    }
  }

  @Test
  void baseCorpusHoldsWorldAAndNeverWorldBNorAnyEvaluationQuestion() {
    List<String> texts = BaseModelCorpus.texts(WORLD, RECIPE);
    for (Person b : WORLD.b().people()) {
      assertTrue(texts.stream().noneMatch(t -> t.contains(b.name())), b.name());
    }
    for (WorldQuestion q : WORLD.a().evalQuestions()) {
      assertTrue(texts.stream().noneMatch(t -> t.contains(q.question())), q.question());
    }
    for (WorldQuestion q : WORLD.a().trainQuestions()) {
      assertEquals(2, texts.stream().filter(t -> t.equals(BaseModelCorpus.closedBook(q.question()) + " " + q.answer())).count());
    }
    assertEquals(BaseModelCorpus.texts(WORLD, RECIPE), texts);
  }

  @Test
  void closedBookQuestionsTeachOnlyTheirAnswersWhileDocumentsAndReadingExamplesAreLearnedWhole() {
    List<io.augment.domain.adaptation.TrainingExample> examples = BaseModelCorpus.examples(WORLD, RECIPE);
    List<String> documents = WORLD.a().paraphrasedDocuments().stream().map(WorldDocument::text).toList();
    int pairs = 0;
    int reading = 0;
    for (io.augment.domain.adaptation.TrainingExample e : examples) {
      if (e.contextLength() > 0) {
        pairs++;
        String prompt = e.text().substring(0, e.contextLength());
        assertTrue(prompt.startsWith("Question: ") && prompt.endsWith("\n"), prompt);
        assertTrue(e.text().substring(e.contextLength()).matches(" [^\\n\\[]+"), e.text());
      } else if (e.text().contains("Sources:")) {
        reading++;
      } else {
        assertTrue(documents.contains(e.text()), e.text());
      }
    }
    assertEquals(RECIPE.qaRepeats() * WORLD.a().trainQuestions().size(), pairs);
    assertEquals(RECIPE.readingExamples(), reading);
    assertEquals(documents.size() * RECIPE.documentRepeats(), examples.size() - pairs - reading);
  }
}
