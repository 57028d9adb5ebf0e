package io.augment.adapter.out.lucene;

import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The collections under one root directory, opened on first use and kept open until closed or dropped. */
final class LuceneCollections implements Closeable {

  private final Path root;
  private final LuceneCollection.Settings settings;
  private final Map<String, LuceneCollection> open = new ConcurrentHashMap<>();
  /** Creating, dropping and closing take it exclusively; reads and writes of content share it. */
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();

  LuceneCollections(Path root, LuceneCollection.Settings settings) {
    this.root = root;
    this.settings = settings;
  }

  /** What every collection here is built and searched with. */
  LuceneCollection.Settings settings() {
    return settings;
  }

  void create(String knowledgeBase, int dimension) {
    Path home = home(knowledgeBase);
    locked(lifecycle.writeLock(), () -> {
      if (!LuceneCollection.existsAt(home)) {
        open.put(knowledgeBase, LuceneCollection.create(home, dimension, settings));
        return null;
      }
      int existing = LuceneCollection.dimensionAt(home);
      if (existing != dimension) {
        throw new ConflictException("collection '" + knowledgeBase + "' has dimension " + existing + ", not " + dimension);
      }
      return null;
    });
  }

  void drop(String knowledgeBase) {
    Path home = home(knowledgeBase);
    locked(lifecycle.writeLock(), () -> {
      LuceneCollection collection = open.remove(knowledgeBase);
      if (collection != null) {
        collection.close();
      }
      LuceneCollection.delete(home);
      return null;
    });
  }

  boolean exists(String knowledgeBase) {
    return knowledgeBase.matches(KnowledgeBase.NAME_PATTERN) && LuceneCollection.existsAt(root.resolve(knowledgeBase));
  }

  /** Runs {@code work} on the named collection, which no one can drop meanwhile. */
  <T> T with(String knowledgeBase, CollectionWork<T> work) {
    return locked(lifecycle.readLock(), () -> work.apply(open.computeIfAbsent(knowledgeBase, this::openExisting)));
  }

  /** Commits the collection, then sums the sizes of the files under its directory; empty when it does not exist. */
  OptionalLong storageBytes(String knowledgeBase) {
    if (!exists(knowledgeBase)) {
      return OptionalLong.empty();
    }
    return locked(lifecycle.readLock(), () -> {
      if (!LuceneCollection.existsAt(home(knowledgeBase))) {
        return OptionalLong.empty(); // dropped since the check above
      }
      LuceneCollection collection = open.computeIfAbsent(knowledgeBase, this::openExisting);
      collection.commit();
      return OptionalLong.of(LuceneCollection.bytesAt(home(knowledgeBase)));
    });
  }

  void commitAll() {
    locked(lifecycle.readLock(), () -> {
      for (LuceneCollection collection : open.values()) {
        collection.commit();
      }
      return null;
    });
  }

  @Override
  public void close() {
    locked(lifecycle.writeLock(), () -> {
      for (LuceneCollection collection : open.values()) {
        collection.close();
      }
      open.clear();
      return null;
    });
  }

  private LuceneCollection openExisting(String knowledgeBase) {
    Path home = home(knowledgeBase);
    if (!LuceneCollection.existsAt(home)) {
      throw new NotFoundException("collection", knowledgeBase);
    }
    try {
      return LuceneCollection.open(home, settings);
    } catch (IOException e) {
      throw new BackendUnavailableException("lucene", "cannot open collection '" + knowledgeBase + "'", e);
    }
  }

  private Path home(String knowledgeBase) {
    if (!knowledgeBase.matches(KnowledgeBase.NAME_PATTERN)) {
      throw new InvalidInputException("knowledgeBase", "must match " + KnowledgeBase.NAME_PATTERN);
    }
    return root.resolve(knowledgeBase);
  }

  private static <T> T locked(Lock lock, IoCall<T> work) {
    lock.lock();
    try {
      return work.call();
    } catch (IOException e) {
      throw new BackendUnavailableException("lucene", String.valueOf(e.getMessage()), e);
    } finally {
      lock.unlock();
    }
  }

  @FunctionalInterface
  interface CollectionWork<T> {
    T apply(LuceneCollection collection) throws IOException;
  }

  @FunctionalInterface
  private interface IoCall<T> {
    T call() throws IOException;
  }
}
