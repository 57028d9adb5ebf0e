package io.augment.application.evaluation;

import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.evaluation.EvaluationSetRepository;
import java.time.Clock;
import java.util.List;

/** Evaluation sets: upload (every question validated before anything is stored), list, get, delete. */
public final class EvaluationSets {
  private final EvaluationSetRepository repository;
  private final Clock clock;

  public EvaluationSets(EvaluationSetRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Questions from a JSON list; an error names {@code questions[i].<field>}. */
  public EvaluationSet create(String name, String description, List<EvaluationQuestion> questions) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * Questions read from JSONL (question i is on line i + 1); an error names {@code field} (the
   * request's field that carried the JSONL, e.g. {@code file}) and says {@code line n: <field>: reason}.
   */
  public EvaluationSet createFromLines(String name, String description, String field, List<EvaluationQuestion> questions) {
    throw new UnsupportedOperationException("not built yet");
  }

  public List<EvaluationSet> list() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** @throws io.augment.domain.model.NotFoundException when there is no such set */
  public EvaluationSet get(String name) {
    throw new UnsupportedOperationException("not built yet");
  }

  public List<EvaluationQuestion> questions(String name) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** @throws io.augment.domain.model.NotFoundException when there is no such set */
  public void delete(String name) {
    throw new UnsupportedOperationException("not built yet");
  }
}
