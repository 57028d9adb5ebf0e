package io.augment.application.ingest;

import io.augment.application.ingest.IngestResult.Outcome;
import io.augment.application.index.IndexSync;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.ingest.ParsedDocument;
import io.augment.domain.job.Progress;
import io.augment.domain.model.AugmentException;
import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.Limits;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.PayloadTooLargeException;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.persistence.PendingIndexWrite;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.VectorIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Parses, chunks, embeds and stores documents. Unchanged documents (same content hash) are skipped;
 * a changed one has its chunks replaced atomically in the index. Chunks of many documents are
 * embedded together in batches of {@code batchSize}. Records are written before the index and kept
 * in step with it by {@link IndexSync}, so a returned result is durable.
 */
public final class IngestDocuments {
  private final KnowledgeBaseRepository knowledgeBases;
  private final DocumentRepository documents;
  private final VectorIndex index;
  private final EmbeddingModels models;
  private final DocumentParsers parsers;
  private final RecursiveChunker chunker = new RecursiveChunker();
  private final Clock clock;
  private final int batchSize;
  private final long maxDocumentBytes;
  private final IndexSync sync;
  private final IngestListener listener;
  private final ExecutorService stores = Executors.newCachedThreadPool(daemon("augment-ingest-store"));
  private final ExecutorService preparers = preparePool();

  public IngestDocuments(
      KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, VectorIndex index,
      EmbeddingModels models, DocumentParsers parsers, IndexSync sync, Clock clock, int batchSize,
      long maxDocumentBytes) {
    this(knowledgeBases, documents, index, models, parsers, sync, clock, batchSize, maxDocumentBytes,
        IngestListener.NONE);
  }

  public IngestDocuments(
      KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, VectorIndex index,
      EmbeddingModels models, DocumentParsers parsers, IndexSync sync, Clock clock, int batchSize,
      long maxDocumentBytes, IngestListener listener) {
    this.sync = sync;
    this.listener = listener;
    this.knowledgeBases = knowledgeBases;
    this.documents = documents;
    this.index = index;
    this.models = models;
    this.parsers = parsers;
    this.clock = clock;
    this.batchSize = batchSize;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /** Ingests one document; errors are thrown, not reported in the result. */
  public IngestResult ingest(String knowledgeBase, IngestCommand command) {
    IngestResult result;
    try {
      result = ingestOne(knowledgeBase, command);
    } catch (AugmentException e) {
      listener.ingested(knowledgeBase, new IngestResult(command.documentId(), Outcome.FAILED, null, e.getMessage()));
      throw e;
    }
    listener.ingested(knowledgeBase, result);
    return result;
  }

  private IngestResult ingestOne(String knowledgeBase, IngestCommand command) {
    KnowledgeBase kb = require(knowledgeBase);
    PreparedDocument prepared = prepare(kb, models.forKnowledgeBase(kb), command);
    if (prepared.existing() != null && prepared.existing().contentHash().equals(prepared.document().contentHash())) {
      return new IngestResult(prepared.document().id(), Outcome.UNCHANGED, prepared.existing(), null);
    }
    List<IngestResult> results = new ArrayList<>();
    embedAndStore(kb, List.of(prepared), results, p -> {}, () -> false);
    return results.get(0);
  }

  /**
   * Ingests many documents, reporting progress in chunks. A document that fails to parse is reported
   * as FAILED and the others go on; cancelling stops before the next batch.
   */
  public List<IngestResult> ingestAll(
      String knowledgeBase, List<IngestCommand> commands, Consumer<Progress> progress, BooleanSupplier cancelled) {
    KnowledgeBase kb = require(knowledgeBase);
    EmbeddingModel model = models.forKnowledgeBase(kb);
    List<IngestResult> results = new ArrayList<>();
    List<PreparedDocument> pending = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Future<PreparedDocument>> preparing = prepareAll(kb, model, commands);
    try {
      sortPrepared(commands, preparing, seen, pending, results);
    } catch (RuntimeException e) {
      preparing.forEach(f -> f.cancel(false));
      throw e;
    }
    embedAndStore(kb, pending, results, progress, cancelled);
    results.forEach(r -> listener.ingested(knowledgeBase, r));
    return results;
  }

  /** In command order: refuses repeated ids, reports unchanged and failed documents, keeps the rest. */
  private static void sortPrepared(List<IngestCommand> commands, List<Future<PreparedDocument>> preparing,
      Set<String> seen, List<PreparedDocument> pending, List<IngestResult> results) {
    for (int i = 0; i < commands.size(); i++) {
      IngestCommand command = commands.get(i);
      try {
        PreparedDocument prepared = awaitPrepared(preparing.get(i));
        String id = prepared.document().id();
        if (!seen.add(id)) {
          throw new InvalidInputException("id", "document '" + id + "' appears twice in one upload");
        }
        if (prepared.existing() != null && prepared.existing().contentHash().equals(prepared.document().contentHash())) {
          results.add(new IngestResult(id, Outcome.UNCHANGED, prepared.existing(), null));
        } else {
          pending.add(prepared);
        }
      } catch (AugmentException e) {
        results.add(new IngestResult(command.documentId(), Outcome.FAILED, null, e.getMessage()));
      }
    }
  }

  /**
   * Parses, chunks and looks up every document on one thread per core (the embedding pool idles
   * meanwhile, so one thread would leave a core unused); futures in the order of the commands.
   */
  private List<Future<PreparedDocument>> prepareAll(KnowledgeBase kb, EmbeddingModel model, List<IngestCommand> commands) {
    List<Future<PreparedDocument>> futures = new ArrayList<>(commands.size());
    for (IngestCommand command : commands) {
      futures.add(preparers.submit(() -> prepare(kb, model, command)));
    }
    return futures;
  }

  private static PreparedDocument awaitPrepared(Future<PreparedDocument> prepared) {
    try {
      return prepared.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing documents", e);
    }
  }

  private void embedAndStore(
      KnowledgeBase kb, List<PreparedDocument> pending, List<IngestResult> results,
      Consumer<Progress> progress, BooleanSupplier cancelled) {
    EmbeddingModel model = models.forKnowledgeBase(kb);
    long total = pending.stream().mapToLong(p -> p.chunks().size()).sum();
    long started = System.nanoTime();
    long done = 0;
    progress.accept(Progress.of(0, total, "chunks", Duration.ZERO));
    List<String> batch = new ArrayList<>(batchSize);
    List<float[]> vectors = new ArrayList<>();
    int next = 0; // first pending document not yet fully embedded
    int nextChunk = 0; // its first chunk not yet in a batch
    boolean changed = false;
    Future<?> storing = null;
    while (next < pending.size() && !cancelled.getAsBoolean()) {
      // Fill one batch with chunks of as many documents as needed.
      int doc = next;
      int chunk = nextChunk;
      while (batch.size() < batchSize && doc < pending.size()) {
        List<Chunk> chunks = pending.get(doc).chunks();
        while (chunk < chunks.size() && batch.size() < batchSize) {
          batch.add(chunks.get(chunk++).text());
        }
        if (chunk == chunks.size()) {
          doc++;
          chunk = 0;
        }
      }
      vectors.addAll(model.embedAll(batch));
      done += batch.size();
      batch.clear();
      // Store every document whose chunks are now all embedded; while more remain, in the
      // background, so the next batch is embedded meanwhile (one store in flight, in order).
      List<PreparedDocument> ready = pending.subList(next, doc);
      int used = ready.stream().mapToInt(p -> p.chunks().size()).sum();
      List<float[]> readyVectors = new ArrayList<>(vectors.subList(0, used));
      vectors.subList(0, used).clear();
      await(storing);
      storing = null;
      if (doc < pending.size()) {
        storing = stores.submit(() -> storeAll(kb, ready, readyVectors, results));
      } else {
        storeAll(kb, ready, readyVectors, results);
      }
      changed |= !ready.isEmpty();
      next = doc;
      nextChunk = chunk;
      progress.accept(Progress.of(done, total, "chunks", Duration.ofNanos(System.nanoTime() - started)));
    }
    await(storing);
    if (changed) {
      // A new revision, and the cost side of RAG in an evaluation: time spent embedding and storing what changed.
      knowledgeBases.ingested(kb.name(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
  }

  private static void await(Future<?> store) {
    if (store == null) {
      return;
    }
    try {
      store.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing documents", e);
    }
  }

  /**
   * Stores each document whose chunks are all embedded; returns how many vectors it used. Per
   * document, under its lock: the record (with a pending index write) commits first, so a 2xx is
   * durable; then the index is written, visible at once and made durable by the next checkpoint.
   */
  private int storeAll(KnowledgeBase kb, List<PreparedDocument> done, List<float[]> vectors, List<IngestResult> results) {
    int offset = 0;
    for (PreparedDocument p : done) {
      List<EmbeddedChunk> embedded = new ArrayList<>(p.chunks().size());
      for (Chunk chunk : p.chunks()) {
        embedded.add(new EmbeddedChunk(chunk, vectors.get(offset++)));
      }
      sync.locks().with(kb.name(), p.document().id(), () -> store(kb, p, embedded));
      results.add(new IngestResult(p.document().id(), p.existing() == null ? Outcome.CREATED : Outcome.UPDATED,
          p.document(), null));
    }
    return offset;
  }

  private Void store(KnowledgeBase kb, PreparedDocument p, List<EmbeddedChunk> embedded) {
    long sequence = documents.save(p.document(), p.chunks());
    try {
      index.replaceDocument(kb.name(), p.document().id(), embedded);
    } catch (RuntimeException e) {
      sync.failed(new PendingIndexWrite(sequence, kb.name(), p.document().id()));
      throw e;
    }
    sync.written(sequence);
    return null;
  }

  private PreparedDocument prepare(KnowledgeBase kb, EmbeddingModel model, IngestCommand command) {
    if (command.content().length > maxDocumentBytes) {
      throw new PayloadTooLargeException("document", command.content().length, maxDocumentBytes);
    }
    ParsedDocument parsed = parsers.parse(command.mediaType(), command.content());
    String text = parsed.text() == null ? "" : parsed.text().strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("text", "no text could be extracted from the document");
    }
    Limits.visible("text", text, "the document");
    String title = firstNonBlank(command.title(), Limits.derivedTitle(parsed.title()));
    String hash = ContentHash.of(title == null ? "" : title, text, command.metadata());
    String id = command.documentId() != null ? command.documentId() : DocumentIds.derive(title, hash);
    Document.requireValidId(id);
    Document existing = documents.find(kb.name(), id).orElse(null);
    List<Chunk> chunks = chunker.chunk(id, title == null ? id : title, text, command.metadata(), kb.chunking(), model);
    long tokens = chunks.stream().mapToLong(Chunk::tokenCount).sum();
    Document document = new Document(
        kb.name(), id, title, command.mediaType(), hash, command.metadata(), chunks.size(), tokens, clock.instant());
    return new PreparedDocument(document, chunks, existing);
  }

  KnowledgeBase require(String name) {
    return knowledgeBases.find(name).orElseThrow(() -> new NotFoundException("knowledge base", name));
  }

  /** One thread per core, ended after a minute idle (a use case built per test must not pin threads). */
  private static ExecutorService preparePool() {
    int threads = Runtime.getRuntime().availableProcessors();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
        new LinkedBlockingQueue<>(), daemon("augment-ingest-prepare"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b.strip() : null;
  }
}
