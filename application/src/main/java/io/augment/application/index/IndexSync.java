package io.augment.application.index;

import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.model.Chunk;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.persistence.PendingIndexWrite;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.VectorIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the vector index in step with the records, which are the source of truth. A change is
 * committed to the records first, together with a {@link PendingIndexWrite}; then the index is
 * written (visible at once, durable at the next {@link #checkpoint}); the checkpoint commits the index
 * and forgets the pending writes it now holds. After a crash, {@link #recover} re-derives each
 * document left pending from its record: re-embeds its stored chunks, or deletes its index entries
 * when the record is gone. So an acknowledged change survives a crash, and no index entry outlives
 * its record. Callers hold the document's stripe in {@link #locks()} from record write to index write.
 */
public final class IndexSync implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(IndexSync.class.getName());
  private static final int EMBED_BATCH = 32;

  private final KnowledgeBaseRepository knowledgeBases;
  private final DocumentRepository documents;
  private final VectorIndex index;
  private final EmbeddingModels models;
  private final DocumentLocks locks = new DocumentLocks();
  private final Set<Long> written = ConcurrentHashMap.newKeySet();
  private final Map<Long, PendingIndexWrite> failed = new ConcurrentHashMap<>();
  private ScheduledExecutorService timer;

  public IndexSync(KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, VectorIndex index,
      EmbeddingModels models) {
    this.knowledgeBases = knowledgeBases;
    this.documents = documents;
    this.index = index;
    this.models = models;
  }

  public DocumentLocks locks() {
    return locks;
  }

  /** The index now shows the change recorded as {@code sequence}; the next checkpoint makes it durable. */
  public void written(long sequence) {
    written.add(sequence);
  }

  /** Writing the index after a recorded change failed; the next checkpoint re-derives it from the records. */
  public void failed(PendingIndexWrite write) {
    failed.put(write.sequence(), write);
  }

  /** Commits the index, forgets the pending writes it now holds, then retries failed ones. */
  public synchronized void checkpoint() {
    List<Long> done = List.copyOf(written);
    if (!done.isEmpty()) {
      index.flush();
      documents.indexWritesDone(done);
      done.forEach(written::remove);
    }
    for (PendingIndexWrite write : List.copyOf(failed.values())) {
      try {
        rederive(write.knowledgeBase(), write.documentId());
        failed.remove(write.sequence());
        written.add(write.sequence());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "index repair of " + describe(write) + " failed again: " + e.getMessage());
      }
    }
  }

  /**
   * Brings the index in step with the records after the previous run: creates missing collections of
   * existing knowledge bases and re-derives every pending document. Run before serving requests.
   */
  public synchronized RecoveryReport recover() {
    long started = System.nanoTime();
    int created = 0;
    for (KnowledgeBase kb : knowledgeBases.findAll()) {
      if (!index.collectionExists(kb.name())) {
        index.createCollection(kb.name(), kb.embedding().dimension());
        created++;
      }
    }
    List<PendingIndexWrite> pending = documents.pendingIndexWrites(Integer.MAX_VALUE);
    Map<List<String>, List<PendingIndexWrite>> byDocument = new LinkedHashMap<>();
    for (PendingIndexWrite write : pending) {
      byDocument.computeIfAbsent(java.util.Arrays.asList(write.knowledgeBase(), write.documentId()),
          k -> new ArrayList<>()).add(write);
    }
    int reindexed = 0;
    int removed = 0;
    int dropped = 0;
    int failures = 0;
    List<Long> done = new ArrayList<>();
    for (List<PendingIndexWrite> writes : byDocument.values()) {
      PendingIndexWrite write = writes.get(0);
      try {
        switch (rederive(write.knowledgeBase(), write.documentId())) {
          case REINDEXED -> reindexed++;
          case REMOVED -> removed++;
          case DROPPED -> dropped++;
          case KEPT -> { }
        }
        writes.forEach(w -> done.add(w.sequence()));
      } catch (RuntimeException e) {
        failures++;
        writes.forEach(this::failed);
        LOG.log(System.Logger.Level.WARNING, "index repair of " + describe(write) + " failed: " + e.getMessage()
            + "; retried at every checkpoint");
      }
    }
    if (!done.isEmpty()) {
      index.flush();
      documents.indexWritesDone(done);
    }
    RecoveryReport report = new RecoveryReport(pending.size(), reindexed, removed, dropped, created, failures,
        Duration.ofNanos(System.nanoTime() - started));
    LOG.log(System.Logger.Level.INFO, "index recovery: " + report);
    return report;
  }

  /** Checkpoints every {@code interval} in a background thread until {@link #close}. */
  public synchronized void start(Duration interval) {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "augment-index-checkpoint");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, interval.toMillis());
    timer.scheduleWithFixedDelay(this::checkpointQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops the background checkpoints and takes a last one, so a clean shutdown leaves nothing pending. */
  @Override
  public void close() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = timer;
      timer = null;
    }
    if (stopping != null) {
      stopping.shutdown(); // never interrupt: an interrupted NIO write closes the index files under it
      try {
        stopping.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    checkpointQuietly();
  }

  private void checkpointQuietly() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "index checkpoint failed; retried at the next one", e);
    }
  }

  private enum Repair { REINDEXED, REMOVED, DROPPED, KEPT }

  /** Makes the index hold what the records say about one document (or a whole knowledge base). */
  private Repair rederive(String knowledgeBase, String documentId) {
    Optional<KnowledgeBase> found = knowledgeBases.find(knowledgeBase);
    if (found.isEmpty()) {
      boolean existed = index.collectionExists(knowledgeBase);
      index.dropCollection(knowledgeBase);
      return existed ? Repair.DROPPED : Repair.KEPT;
    }
    KnowledgeBase kb = found.get();
    if (!index.collectionExists(knowledgeBase)) {
      index.createCollection(knowledgeBase, kb.embedding().dimension());
    }
    if (documentId == null) {
      return Repair.KEPT;
    }
    return locks.with(knowledgeBase, documentId, () -> {
      if (documents.find(knowledgeBase, documentId).isEmpty()) {
        index.deleteDocument(knowledgeBase, documentId);
        return Repair.REMOVED;
      }
      List<Chunk> chunks = documents.chunks(knowledgeBase, documentId);
      EmbeddingModel model = models.forKnowledgeBase(kb);
      List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
      for (int from = 0; from < chunks.size(); from += EMBED_BATCH) {
        List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + EMBED_BATCH));
        List<float[]> vectors = model.embedAll(batch.stream().map(Chunk::text).toList());
        for (int i = 0; i < batch.size(); i++) {
          embedded.add(new EmbeddedChunk(batch.get(i), vectors.get(i)));
        }
      }
      index.replaceDocument(knowledgeBase, documentId, embedded);
      return Repair.REINDEXED;
    });
  }

  private static String describe(PendingIndexWrite write) {
    return write.documentId() == null ? "knowledge base '" + write.knowledgeBase() + "'"
        : "document '" + write.knowledgeBase() + "/" + write.documentId() + "'";
  }
}
