package io.augment.domain.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * Stores evaluation sets.
 *
 * <p>Contract (EvaluationSetRepositoryContract): {@link #create} stores the set and all its
 * questions in one transaction, or nothing (a set with that name already there:
 * {@link io.augment.domain.model.AlreadyExistsException}, and nothing changes). Questions come
 * back in upload order, equal to what was stored. Once {@link #create} or {@link #delete}
 * returns, the change is durable. Callers validate before calling.
 */
public interface EvaluationSetRepository {
  EvaluationSet create(EvaluationSet set, List<EvaluationQuestion> questions);

  Optional<EvaluationSet> find(String name);

  /** Every set, by name. */
  List<EvaluationSet> list();

  /** The set's questions in upload order; empty when there is no such set. */
  List<EvaluationQuestion> questions(String name);

  /** Removes the set and its questions; false when there was none. Runs that used it keep their results. */
  boolean delete(String name);
}
