package io.augment.application.evaluation;

import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.model.AlreadyExistsException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.Limits;
import io.augment.domain.model.NotFoundException;
import java.time.Clock;
import java.util.List;

/** Evaluation sets: upload (every question validated before anything is stored), list, get, delete. */
public final class EvaluationSets {
  private static final String KIND = "evaluation set";

  private final EvaluationSetRepository repository;
  private final Clock clock;

  public EvaluationSets(EvaluationSetRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Questions from a JSON list; an error names {@code questions[i].<field>}. */
  public EvaluationSet create(String name, String description, List<EvaluationQuestion> questions) {
    String desc = header(name, description);
    count("questions", questions);
    for (int i = 0; i < questions.size(); i++) {
      String prefix = "questions[" + i + "]";
      if (questions.get(i) == null) {
        throw new InvalidInputException(prefix, "must be a question, not null");
      }
      questions.get(i).validated(prefix + ".");
    }
    return store(name, desc, questions);
  }

  /**
   * Questions read from JSONL (question i is on line i + 1); an error names {@code field} (the
   * request's field that carried the JSONL, e.g. {@code file}) and says {@code line n: <field>: reason}.
   */
  public EvaluationSet createFromLines(String name, String description, String field, List<EvaluationQuestion> questions) {
    String desc = header(name, description);
    count(field, questions);
    for (int i = 0; i < questions.size(); i++) {
      String line = "line " + (i + 1) + ": ";
      if (questions.get(i) == null) {
        throw new InvalidInputException(field, line + "must be a question, not null");
      }
      try {
        questions.get(i).validated(line);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(field, e.getMessage());
      }
    }
    return store(name, desc, questions);
  }

  public List<EvaluationSet> list() {
    return repository.list();
  }

  /** @throws io.augment.domain.model.NotFoundException when there is no such set */
  public EvaluationSet get(String name) {
    return repository.find(name).orElseThrow(() -> new NotFoundException(KIND, name));
  }

  /** @throws io.augment.domain.model.NotFoundException when there is no such set */
  public List<EvaluationQuestion> questions(String name) {
    get(name);
    return repository.questions(name);
  }

  /** @throws io.augment.domain.model.NotFoundException when there is no such set */
  public void delete(String name) {
    if (!repository.delete(name)) {
      throw new NotFoundException(KIND, name);
    }
  }

  private static String header(String name, String description) {
    EvaluationSet.checkName("name", name);
    return description == null ? "" : Limits.atMost("description", description, Limits.DESCRIPTION);
  }

  private static void count(String field, List<EvaluationQuestion> questions) {
    if (questions == null || questions.isEmpty()) {
      throw new InvalidInputException(field, "must hold at least one question");
    }
    if (questions.size() > EvaluationSet.MAX_QUESTIONS) {
      throw new InvalidInputException(field, "holds " + questions.size() + " questions; at most " + EvaluationSet.MAX_QUESTIONS);
    }
  }

  private EvaluationSet store(String name, String description, List<EvaluationQuestion> questions) {
    if (repository.find(name).isPresent()) {
      throw new AlreadyExistsException(KIND, name);
    }
    return repository.create(new EvaluationSet(name, description, questions.size(), clock.instant()), List.copyOf(questions));
  }
}
