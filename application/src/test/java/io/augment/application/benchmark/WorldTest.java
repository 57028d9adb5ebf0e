package io.augment.application.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment.domain.model.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorldTest {
  private static final WorldConfig CONFIG = new WorldConfig(7, 40, 30, 25, 3);

  @Test
  void sameSeedGivesByteIdenticalWorldAndAnotherSeedAnotherWorld() {
    assertEquals(render(World.generate(CONFIG)), render(World.generate(CONFIG)));
    assertNotEquals(render(World.generate(CONFIG)), render(World.generate(new WorldConfig(8, 40, 30, 25, 3))));
  }

  @Test
  void partsShareNoNameNoCityNoCompanyAndNoField() {
    World world = World.generate(CONFIG);
    List<WorldPart> parts = List.of(world.a(), world.b(), world.reading());
    for (Function<Person, String> value : List.<Function<Person, String>>of(
        Person::name, Person::city, Person::employer, Person::field)) {
      Set<String> seen = new HashSet<>();
      for (WorldPart part : parts) {
        Set<String> own = part.people().stream().map(value).collect(Collectors.toSet());
        for (String v : own) {
          assertTrue(seen.add(v), "shared between parts: " + v);
        }
      }
    }
    assertEquals(40, world.a().people().size());
    assertEquals(30, world.b().people().size());
    assertEquals(25, world.reading().people().size());
  }

  @Test
  void noTrainingTextContainsAnEvaluationTemplateOrAnEvaluationQuestion() {
    World world = World.generate(CONFIG);
    List<String> training = new ArrayList<>();
    for (WorldPart part : List.of(world.a(), world.b(), world.reading())) {
      part.paraphrasedDocuments().forEach(d -> training.add(d.text()));
      part.trainQuestions().forEach(q -> training.add(q.question()));
    }
    for (List<String> templates : WorldTemplates.EVAL_QUESTIONS.values()) {
      for (String template : templates) {
        String opening = template.substring(0, template.indexOf("{n}")).strip();
        assertTrue(opening.length() > 8, template);
        for (String text : training) {
          assertFalse(text.contains(opening), "'" + opening + "' of an eval template is in: " + text);
        }
      }
    }
    for (WorldQuestion q : world.b().evalQuestions()) {
      assertTrue(q.eval());
      assertTrue(training.stream().noneMatch(t -> t.contains(q.question())), q.question());
    }
  }

  @Test
  void everyAnswerIsWrittenInItsGoldDocumentAndInEveryParaphrase() {
    World world = World.generate(CONFIG);
    for (WorldPart part : List.of(world.a(), world.b(), world.reading())) {
      Map<String, WorldDocument> gold = part.documents().stream()
          .collect(Collectors.toMap(WorldDocument::id, Function.identity()));
      List<WorldQuestion> questions = new ArrayList<>(part.trainQuestions());
      questions.addAll(part.evalQuestions());
      for (WorldQuestion q : questions) {
        assertTrue(gold.get(q.documentId()).text().contains(q.answer()), q + " not in its gold document");
      }
      for (WorldDocument d : part.paraphrasedDocuments()) {
        Person p = part.people().stream().filter(x -> x.id().equals(d.personId())).findFirst().orElseThrow();
        for (Attribute a : Attribute.values()) {
          assertTrue(d.text().contains(p.value(a)), d.id() + " lacks " + a);
        }
      }
    }
  }

  @Test
  void paraphrasesArePhrasedDifferentlyAndCanonicalDocumentsKeepThePersonsId() {
    WorldPart b = World.generate(CONFIG).b();
    assertEquals(30 * 3, b.paraphrasedDocuments().size());
    Map<String, List<WorldDocument>> byPerson = b.paraphrasedDocuments().stream()
        .collect(Collectors.groupingBy(WorldDocument::personId));
    for (List<WorldDocument> docs : byPerson.values()) {
      assertEquals(3, docs.stream().map(WorldDocument::text).distinct().count());
      assertEquals(docs.get(0).personId(), docs.get(0).id());
    }
    assertEquals(30 * 4, b.evalQuestions().size());
  }

  @Test
  void refusesSizesOutOfRangeNamingTheField() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new WorldConfig(1, 0, 5, 5, 1));
    assertEquals("entitiesA", e.field());
    assertEquals("paraphrases", assertThrows(InvalidInputException.class,
        () -> new WorldConfig(1, 5, 5, 5, 9)).field());
  }

  private static String render(World world) {
    StringBuilder out = new StringBuilder();
    for (WorldPart part : List.of(world.a(), world.b(), world.reading())) {
      part.paraphrasedDocuments().forEach(d -> out.append(d).append('\n'));
      part.trainQuestions().forEach(q -> out.append(q).append('\n'));
      part.evalQuestions().forEach(q -> out.append(q).append('\n'));
    }
    return out.toString();
  }
}
