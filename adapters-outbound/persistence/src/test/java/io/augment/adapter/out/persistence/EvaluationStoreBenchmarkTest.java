package io.augment.adapter.out.persistence;

import static io.augment.domain.evaluation.EvaluationFixtures.CREATED_AT;
import static io.augment.domain.evaluation.EvaluationFixtures.queued;
import static io.augment.domain.evaluation.EvaluationFixtures.questions;
import static io.augment.domain.evaluation.EvaluationFixtures.result;
import static io.augment.domain.evaluation.EvaluationFixtures.set;
import static io.augment.domain.evaluation.EvaluationFixtures.spec;
import static io.augment.domain.evaluation.EvaluationFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.evaluation.QuestionResult;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times what an evaluation pays the store: creating the largest set, appending one question's
 * answers per call as a run does, and reading the results back. Opt-in, as timings on shared
 * machines are noise: {@code mvn -pl adapters-outbound/persistence test
 * -Dtest='*EvaluationStoreBenchmarkTest' -Dbenchmark=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class EvaluationStoreBenchmarkTest {

  private static final int ANSWERED = 2_000;

  @Inject
  HibernateEvaluationSetRepository sets;

  @Inject
  HibernateEvaluationRunRepository runs;

  @Test
  void storesTheLargestSetAndAQuestionAtATime() {
    List<EvaluationQuestion> questions = questions(EvaluationSet.MAX_QUESTIONS);
    String name = uniqueName("big");
    long start = System.nanoTime();
    sets.create(set(name, questions.size()), questions);
    long created = System.nanoTime();
    assertThat(sets.questions(name)).hasSize(questions.size());
    long read = System.nanoTime();
    report("create set of %d questions".formatted(questions.size()), start, created);
    report("read its questions", created, read);

    EvaluationRunSpec spec = spec(name, null);
    String run = uniqueName("run");
    runs.save(queued(run, spec, CREATED_AT));
    start = System.nanoTime();
    for (int i = 0; i < ANSWERED; i++) {
      int index = i;
      runs.append(run, spec.contenders().stream().map(Contender::label)
          .map(c -> result(QuestionResult.EVALUATION, index, c, "answer " + index)).toList());
    }
    long appended = System.nanoTime();
    assertThat(runs.results(run)).hasSize(ANSWERED * spec.contenders().size());
    report("append %d questions x %d contenders, one question per call".formatted(ANSWERED, spec.contenders().size()),
        start, appended);
    report("read all results", appended, System.nanoTime());
    sets.delete(name);
    runs.delete(run);
  }

  private void report(String what, long from, long to) {
    System.out.printf("%s [%s]: %d ms%n", what, getClass().getSimpleName(), (to - from) / 1_000_000);
  }
}
