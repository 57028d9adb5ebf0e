package io.augment.application.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSetsTest {
  private final EvaluationTestbed bed = new EvaluationTestbed();
  private final EvaluationSets sets = bed.sets;

  private static EvaluationQuestion q(String question, List<String> answers, List<String> docs) {
    return new EvaluationQuestion(question, answers, docs);
  }

  @Test
  void storesASetWithItsQuestionsInUploadOrder() {
    EvaluationSet set = sets.create("islands", "what islands export", EvaluationTestbed.questions(3));

    assertThat(set.questions()).isEqualTo(3);
    assertThat(sets.get("islands")).isEqualTo(set);
    assertThat(sets.list()).containsExactly(set);
    assertThat(sets.questions("islands")).isEqualTo(EvaluationTestbed.questions(3));
  }

  @Test
  void refusesALinesSetWhenALineHasNoAnswersNamingTheLineAndStoresNothing() {
    List<EvaluationQuestion> lines = new ArrayList<>(EvaluationTestbed.questions(4));
    lines.set(2, q("What does island 2 export?", List.of(), List.of()));

    assertThatThrownBy(() -> sets.createFromLines("islands", "", "file", lines))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("file");
          assertThat(e.reason()).startsWith("line 3: answers: ");
        });
    assertThat(sets.list()).isEmpty();
    assertThat(bed.setRepository.questions("islands")).isEmpty();
  }

  @Test
  void refusesALinesSetNamingTheFieldInsideTheBadLine() {
    List<EvaluationQuestion> lines = new ArrayList<>(EvaluationTestbed.questions(2));
    lines.add(q("Where?", List.of("here", " "), List.of()));
    lines.add(q("Which?", List.of("this"), List.of("not an id!")));

    assertThatThrownBy(() -> sets.createFromLines("islands", "", "file", lines))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).startsWith("line 3: answers[1]: "));
    lines.remove(2);
    assertThatThrownBy(() -> sets.createFromLines("islands", "", "file", lines))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.reason()).startsWith("line 3: documentIds[0]: is not a valid document id"));
    lines.set(1, null);
    assertThatThrownBy(() -> sets.createFromLines("islands", "", "file", lines))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).startsWith("line 2: "));
    assertThat(sets.list()).isEmpty();
  }

  @Test
  void refusesAListNamingTheQuestionsIndexAndField() {
    List<EvaluationQuestion> questions = new ArrayList<>(EvaluationTestbed.questions(2));
    questions.add(q("\u200b\u200b", List.of("x"), List.of()));

    assertThatThrownBy(() -> sets.create("islands", "", questions))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("questions[2].question"));
    assertThatThrownBy(() -> sets.create("islands", "", Arrays.asList(questions.get(0), null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("questions[1]"));
    assertThat(sets.list()).isEmpty();
  }

  @Test
  void refusesNoQuestionsAndMoreThanTheMaximum() {
    assertThatThrownBy(() -> sets.create("islands", "", List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("questions"));
    assertThatThrownBy(() -> sets.createFromLines("islands", "", "file", null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("file"));
    List<EvaluationQuestion> tooMany = Collections.nCopies(EvaluationSet.MAX_QUESTIONS + 1, EvaluationTestbed.questions(1).get(0));
    assertThatThrownBy(() -> sets.createFromLines("islands", "", "file", tooMany))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).contains("at most 10000"));
    assertThat(sets.list()).isEmpty();
  }

  @Test
  void refusesABadNameOrAnOverlongDescriptionBeforeLookingAtQuestions() {
    assertThatThrownBy(() -> sets.create("Islands!", "", EvaluationTestbed.questions(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> sets.create("islands", "d".repeat(10_001), EvaluationTestbed.questions(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
    assertThat(sets.list()).isEmpty();
  }

  @Test
  void refusesATakenNameAndKeepsTheStoredSet() {
    sets.create("islands", "first", EvaluationTestbed.questions(2));

    assertThatThrownBy(() -> sets.createFromLines("islands", "second", "file", EvaluationTestbed.questions(5)))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(sets.get("islands").description()).isEqualTo("first");
    assertThat(sets.questions("islands")).hasSize(2);
  }

  @Test
  void deletesASetAndAnswersNotFoundForOneThatIsNotThere() {
    sets.create("islands", "", EvaluationTestbed.questions(2));

    sets.delete("islands");

    assertThat(sets.list()).isEmpty();
    assertThatThrownBy(() -> sets.get("islands")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> sets.questions("islands")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> sets.delete("islands")).isInstanceOf(NotFoundException.class);
  }
}
