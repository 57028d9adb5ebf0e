package io.augment.adapter.out.memory;

import io.augment.domain.adaptation.FineTuneCheckpoint;
import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.FineTuningJob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fine-tuning jobs, their events and checkpoints on the heap, lost on restart. Thread-safe: one lock
 * guards the three maps, so a job and its events change together. Like the SQL store it keeps a
 * job's events within the newest {@value #EVENTS_KEPT} seqs and drops older ones as it appends.
 */
public final class InMemoryFineTuneJobRepository implements FineTuneJobRepository {
  public static final int EVENTS_KEPT = 10_000;

  static final Comparator<FineTuningJob> NEWEST_FIRST =
      Comparator.comparing(FineTuningJob::createdAt).reversed().thenComparing(FineTuningJob::id);

  private static final Comparator<FineTuneCheckpoint> OLDEST_FIRST =
      Comparator.comparing(FineTuneCheckpoint::createdAt).thenComparingInt(FineTuneCheckpoint::step);

  private final Map<String, FineTuningJob> jobs = new HashMap<>();
  private final Map<String, TreeMap<Long, FineTuneEvent>> events = new HashMap<>();
  private final Map<String, List<FineTuneCheckpoint>> checkpoints = new HashMap<>();

  @Override
  public synchronized void save(FineTuningJob job) {
    jobs.put(job.id(), job);
  }

  @Override
  public synchronized Optional<FineTuningJob> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public synchronized List<FineTuningJob> list() {
    return jobs.values().stream().sorted(NEWEST_FIRST).toList();
  }

  @Override
  public synchronized List<FineTuningJob> unfinished() {
    return jobs.values().stream().filter(j -> !j.status().finished()).sorted(NEWEST_FIRST).toList();
  }

  @Override
  public synchronized void append(String jobId, List<FineTuneEvent> appended) {
    if (appended.isEmpty() || !jobs.containsKey(jobId)) {
      return;
    }
    TreeMap<Long, FineTuneEvent> stored = events.computeIfAbsent(jobId, id -> new TreeMap<>());
    for (FineTuneEvent event : appended) {
      stored.put(event.seq(), event);
    }
    stored.headMap(stored.lastKey() - EVENTS_KEPT, true).clear();
  }

  @Override
  public synchronized List<FineTuneEvent> events(String jobId, long afterSeq, int limit) {
    TreeMap<Long, FineTuneEvent> stored = events.get(jobId);
    if (stored == null || limit <= 0) {
      return List.of();
    }
    return stored.tailMap(afterSeq, false).values().stream().limit(limit).toList();
  }

  @Override
  public synchronized List<FineTuneEvent> latestEvents(String jobId, Long beforeSeq, int limit) {
    TreeMap<Long, FineTuneEvent> stored = events.get(jobId);
    if (stored == null || limit <= 0) {
      return List.of();
    }
    var older = beforeSeq == null ? stored : stored.headMap(beforeSeq, false);
    return older.descendingMap().values().stream().limit(limit).toList();
  }

  @Override
  public synchronized void saveCheckpoints(String jobId, List<FineTuneCheckpoint> kept) {
    if (!jobs.containsKey(jobId)) {
      return;
    }
    List<FineTuneCheckpoint> sorted = new ArrayList<>(kept);
    sorted.sort(OLDEST_FIRST);
    checkpoints.put(jobId, List.copyOf(sorted));
  }

  @Override
  public synchronized List<FineTuneCheckpoint> checkpoints(String jobId) {
    return checkpoints.getOrDefault(jobId, List.of());
  }

  @Override
  public synchronized boolean delete(String id) {
    events.remove(id);
    checkpoints.remove(id);
    return jobs.remove(id) != null;
  }
}
