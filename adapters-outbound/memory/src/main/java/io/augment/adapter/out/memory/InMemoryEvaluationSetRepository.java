package io.augment.adapter.out.memory;

import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.model.AlreadyExistsException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Evaluation sets in a sorted map, lost on restart. Thread-safe; a set and its questions go in as one entry. */
public final class InMemoryEvaluationSetRepository implements EvaluationSetRepository {

  private record Stored(EvaluationSet set, List<EvaluationQuestion> questions) {}

  private final ConcurrentNavigableMap<String, Stored> byName = new ConcurrentSkipListMap<>();

  @Override
  public EvaluationSet create(EvaluationSet set, List<EvaluationQuestion> questions) {
    if (byName.putIfAbsent(set.name(), new Stored(set, List.copyOf(questions))) != null) {
      throw new AlreadyExistsException("evaluation set", set.name());
    }
    return set;
  }

  @Override
  public Optional<EvaluationSet> find(String name) {
    return Optional.ofNullable(byName.get(name)).map(Stored::set);
  }

  @Override
  public List<EvaluationSet> list() {
    return byName.values().stream().map(Stored::set).toList();
  }

  @Override
  public List<EvaluationQuestion> questions(String name) {
    Stored stored = byName.get(name);
    return stored == null ? List.of() : stored.questions();
  }

  @Override
  public boolean delete(String name) {
    return byName.remove(name) != null;
  }
}
