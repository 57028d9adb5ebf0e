package io.augment.domain.adaptation;

import java.util.List;
import java.util.Optional;

/**
 * Stores fine-tuning job records, their events and checkpoints, so no job is forgotten by a restart.
 *
 * <p>Contract (FineTuneJobRepositoryContract): every change is durable when the method returns.
 * {@link #save} inserts or replaces the record. {@link #append} stores events; one with the seq of a
 * stored one replaces it. {@link #events} returns a job's events with seq above {@code afterSeq},
 * oldest first; {@link #latestEvents} those below {@code beforeSeq} (null: all), newest first; both
 * at most {@code limit}. {@link #saveCheckpoints} replaces the job's kept checkpoints.
 * {@link #delete} removes the job with its events and checkpoints. Other jobs are never touched.
 */
public interface FineTuneJobRepository {
  void save(FineTuningJob job);

  Optional<FineTuningJob> find(String id);

  /** Every job, newest first. */
  List<FineTuningJob> list();

  /** Jobs not finished (to resume at start-up). */
  List<FineTuningJob> unfinished();

  void append(String jobId, List<FineTuneEvent> events);

  List<FineTuneEvent> events(String jobId, long afterSeq, int limit);

  List<FineTuneEvent> latestEvents(String jobId, Long beforeSeq, int limit);

  void saveCheckpoints(String jobId, List<FineTuneCheckpoint> kept);

  /** The kept checkpoints, oldest first. */
  List<FineTuneCheckpoint> checkpoints(String jobId);

  boolean delete(String id);
}
