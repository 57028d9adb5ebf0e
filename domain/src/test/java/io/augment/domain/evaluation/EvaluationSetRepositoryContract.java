package io.augment.domain.evaluation;

import static io.augment.domain.evaluation.EvaluationFixtures.questions;
import static io.augment.domain.evaluation.EvaluationFixtures.set;
import static io.augment.domain.evaluation.EvaluationFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.Limits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EvaluationSetRepository} must do. The store may be shared with other tests and
 * earlier runs, so each case uses names of its own and looks only at them.
 */
public abstract class EvaluationSetRepositoryContract {

  protected abstract EvaluationSetRepository repository();

  private EvaluationSet created(String name, List<EvaluationQuestion> questions) {
    return repository().create(set(name, questions.size()), questions);
  }

  @Test
  void findsCreatedSetAndItsQuestionsInUploadOrder() {
    String name = uniqueName("set");
    List<EvaluationQuestion> questions = questions(25);

    EvaluationSet stored = created(name, questions);

    assertThat(stored).isEqualTo(set(name, 25));
    assertThat(repository().find(name)).contains(set(name, 25));
    assertThat(repository().questions(name)).containsExactlyElementsOf(questions);
  }

  @Test
  void findsNothingForUnknownSet() {
    String name = uniqueName("missing");

    assertThat(repository().find(name)).isEmpty();
    assertThat(repository().questions(name)).isEmpty();
  }

  @Test
  void roundTripsUnicodeLongestFieldsAndEmptyGoldDocuments() {
    String name = uniqueName("unicode");
    List<String> manyAnswers = new ArrayList<>();
    for (int i = 0; i < EvaluationQuestion.MAX_ANSWERS; i++) {
      manyAnswers.add("Antwort " + i + " — 答え; quotes \" ' \\ , : 0: ~ " + "é".repeat(i));
    }
    List<String> manyIds = new ArrayList<>();
    for (int i = 0; i < EvaluationQuestion.MAX_DOCUMENT_IDS; i++) {
      manyIds.add("handbook_v1.2:main@rev-" + i + "~(draft),x");
    }
    List<EvaluationQuestion> questions = List.of(
        new EvaluationQuestion("Wer schrieb 東京 🌃?\nZweite Zeile", List.of("Zoë Ørsted 🚀"), List.of()),
        new EvaluationQuestion("q".repeat(Limits.QUESTION), manyAnswers, manyIds),
        new EvaluationQuestion("Longest answer?", List.of("a".repeat(EvaluationQuestion.MAX_ANSWER_CHARS)),
            List.of("x".repeat(Limits.DOCUMENT_ID))));
    questions.forEach(q -> q.validated(""));
    EvaluationSet set = new EvaluationSet(
        name, "Ärzte-Wissen — 医学 🩺\n" + "d".repeat(Limits.DESCRIPTION - 30), 3,
        Instant.parse("2023-12-31T23:59:59.999Z"));

    repository().create(set, questions);

    assertThat(repository().find(name)).contains(set);
    assertThat(repository().questions(name)).containsExactlyElementsOf(questions);
  }

  @Test
  void rejectsDuplicateNameAndKeepsTheOriginalUntouched() {
    String name = uniqueName("dup");
    List<EvaluationQuestion> original = questions(3);
    created(name, original);

    assertThatThrownBy(() -> repository().create(
        new EvaluationSet(name, "another", 5, Instant.EPOCH), questions(5)))
        .isInstanceOf(AlreadyExistsException.class);

    assertThat(repository().find(name)).contains(set(name, 3));
    assertThat(repository().questions(name)).containsExactlyElementsOf(original);
  }

  @Test
  void concurrentCreatesOfOneNameStoreExactlyOneWholeSet() throws Exception {
    String name = uniqueName("race");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Boolean>> creators = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      List<EvaluationQuestion> questions = questions(10 + c);
      creators.add(() -> {
        try {
          created(name, questions);
          return true;
        } catch (AlreadyExistsException e) {
          return false;
        }
      });
    }
    List<Boolean> won = new ArrayList<>();
    try {
      for (Future<Boolean> creator : pool.invokeAll(creators)) {
        won.add(creator.get());
      }
    } finally {
      pool.shutdown();
    }

    assertThat(won).containsOnlyOnce(true);
    int size = repository().find(name).orElseThrow().questions();
    assertThat(repository().questions(name)).containsExactlyElementsOf(questions(size));
  }

  @Test
  void listsSetsByName() {
    String prefix = uniqueName("list");
    for (String suffix : List.of("b", "c", "a")) {
      created(prefix + "-" + suffix, questions(1));
    }

    List<EvaluationSet> all = repository().list();

    assertThat(all).isSortedAccordingTo(Comparator.comparing(EvaluationSet::name));
    assertThat(all).map(EvaluationSet::name).filteredOn(n -> n.startsWith(prefix))
        .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
  }

  @Test
  void deleteRemovesTheSetAndItsQuestionsOnly() {
    String gone = uniqueName("gone");
    String kept = uniqueName("kept");
    created(gone, questions(4));
    created(kept, questions(2));

    assertThat(repository().delete(gone)).isTrue();

    assertThat(repository().find(gone)).isEmpty();
    assertThat(repository().questions(gone)).isEmpty();
    assertThat(repository().list()).map(EvaluationSet::name).doesNotContain(gone).contains(kept);
    assertThat(repository().questions(kept)).containsExactlyElementsOf(questions(2));
  }

  @Test
  void deleteOfUnknownSetReturnsFalse() {
    assertThat(repository().delete(uniqueName("missing"))).isFalse();
  }

  @Test
  void nameCanBeReusedAfterDeleteWithOnlyTheNewQuestions() {
    String name = uniqueName("again");
    created(name, questions(6));
    repository().delete(name);
    List<EvaluationQuestion> second = List.of(
        new EvaluationQuestion("Only question?", List.of("only answer"), List.of("doc-1")));

    created(name, second);

    assertThat(repository().find(name)).contains(set(name, 1));
    assertThat(repository().questions(name)).containsExactlyElementsOf(second);
  }
}
