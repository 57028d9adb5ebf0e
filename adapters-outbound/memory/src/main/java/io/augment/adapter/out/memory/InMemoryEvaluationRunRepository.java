package io.augment.adapter.out.memory;

import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.QuestionResult;
import io.augment.domain.job.JobStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluation runs and their per-question results on the heap, lost on restart. Thread-safe: one
 * lock guards both maps, so a run and its results change together.
 */
public final class InMemoryEvaluationRunRepository implements EvaluationRunRepository {

  private record Key(String set, int index, String contender) {}

  /** Evaluation set first, then by index; the sort is stable, so insertion order breaks ties. */
  private static final Comparator<QuestionResult> ORDER = Comparator
      .comparing((QuestionResult r) -> !QuestionResult.EVALUATION.equals(r.set()))
      .thenComparingInt(QuestionResult::index);

  private static final Comparator<EvaluationRun> NEWEST_FIRST =
      Comparator.comparing(EvaluationRun::createdAt).reversed().thenComparing(EvaluationRun::id);

  private final Map<String, EvaluationRun> runs = new HashMap<>();
  // A LinkedHashMap keeps a replaced entry where it was first inserted.
  private final Map<String, LinkedHashMap<Key, QuestionResult>> results = new HashMap<>();

  @Override
  public synchronized void save(EvaluationRun run) {
    runs.put(run.id(), run);
  }

  @Override
  public synchronized Optional<EvaluationRun> find(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  @Override
  public synchronized List<EvaluationRun> list() {
    return runs.values().stream().sorted(NEWEST_FIRST).toList();
  }

  @Override
  public synchronized List<EvaluationRun> unfinished() {
    return runs.values().stream()
        .filter(r -> r.status() == JobStatus.QUEUED || r.status() == JobStatus.RUNNING)
        .sorted(NEWEST_FIRST)
        .toList();
  }

  @Override
  public synchronized void append(String runId, List<QuestionResult> appended) {
    if (!runs.containsKey(runId)) {
      return;
    }
    LinkedHashMap<Key, QuestionResult> stored = results.computeIfAbsent(runId, id -> new LinkedHashMap<>());
    for (QuestionResult result : appended) {
      stored.put(new Key(result.set(), result.index(), result.contender()), result);
    }
  }

  @Override
  public synchronized List<QuestionResult> results(String runId) {
    List<QuestionResult> stored = new ArrayList<>(results.getOrDefault(runId, new LinkedHashMap<>()).values());
    stored.sort(ORDER);
    return stored;
  }

  @Override
  public synchronized boolean delete(String id) {
    results.remove(id);
    return runs.remove(id) != null;
  }
}
