package io.augment.adapter.out.qdrant;

import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchValues;

import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Which generations of a document this process's reads may see while a replacement is under way,
 * since Qdrant applies the points of a request one by one. A document being written has a state:
 * {@link Hidden} (these generations are not visible yet) or {@link Only} (just this one is). Reads
 * run under a shared lock and exclude, server-side, what the states say; a state changes under the
 * exclusive lock, so no read in flight still uses the state it replaces. Documents without a state
 * are seen as stored.
 */
final class DocumentVisibility {

  private final ReentrantReadWriteLock readers = new ReentrantReadWriteLock();
  private final ConcurrentMap<Key, State> states = new ConcurrentHashMap<>();
  private final Lock[] writers = new Lock[64];
  private final AtomicLong lastGeneration = new AtomicLong();

  DocumentVisibility() {
    for (int i = 0; i < writers.length; i++) {
      writers[i] = new ReentrantLock();
    }
  }

  /** A fresh write stamp: increasing within this process, microseconds since the epoch or above. */
  long nextGeneration() {
    return lastGeneration.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
  }

  /** Serialises the writers of one document. */
  Lock writerOf(String collection, String documentId) {
    return writers[Math.floorMod(new Key(collection, documentId).hashCode(), writers.length)];
  }

  /** Runs {@code read} with the conditions its request must exclude, holding off state changes. */
  <T> T read(String collection, Function<List<Condition>, T> read) {
    readers.readLock().lock();
    try {
      List<Condition> excluded = states.entrySet().stream()
          .filter(e -> e.getKey().collection().equals(collection))
          .map(e -> e.getValue().excluded(e.getKey().documentId()))
          .toList();
      return read.apply(excluded);
    } finally {
      readers.readLock().unlock();
    }
  }

  void hide(String collection, String documentId, long generation) {
    change(collection, documentId, state -> state == null ? new Hidden(Set.of(generation)) : state.hide(generation));
  }

  /** Takes back {@link #hide} after the hidden points were deleted again. */
  void unhide(String collection, String documentId, long generation) {
    change(collection, documentId, state -> state == null ? null : state.unhide(generation));
  }

  void showOnly(String collection, String documentId, long generation) {
    change(collection, documentId, state -> new Only(generation));
  }

  /** Every point of the document is of the visible generation again; no read needs excluding. */
  void settle(String collection, String documentId) {
    states.remove(new Key(collection, documentId));
  }

  void forget(String collection) {
    states.keySet().removeIf(key -> key.collection().equals(collection));
  }

  private void change(String collection, String documentId, Function<State, State> update) {
    readers.writeLock().lock();
    try {
      states.compute(new Key(collection, documentId), (key, state) -> update.apply(state));
    } finally {
      readers.writeLock().unlock();
    }
  }

  private record Key(String collection, String documentId) {}

  private sealed interface State {
    State hide(long generation);

    State unhide(long generation);

    Condition excluded(String documentId);
  }

  private record Hidden(Set<Long> generations) implements State {
    public State hide(long generation) {
      Set<Long> more = new HashSet<>(generations);
      more.add(generation);
      return new Hidden(Set.copyOf(more));
    }

    public State unhide(long generation) {
      Set<Long> fewer = new HashSet<>(generations);
      fewer.remove(generation);
      return fewer.isEmpty() ? null : new Hidden(Set.copyOf(fewer));
    }

    public Condition excluded(String documentId) {
      return filter(Filter.newBuilder()
          .addMust(matchKeyword(PayloadFields.DOCUMENT_ID, documentId))
          .addMust(matchValues(PayloadFields.GENERATION, generations.stream().sorted().toList()))
          .build());
    }
  }

  private record Only(long generation) implements State {
    public State hide(long other) {
      return this; // already hides every other generation
    }

    public State unhide(long other) {
      return this;
    }

    public Condition excluded(String documentId) {
      return filter(Filter.newBuilder()
          .addMust(matchKeyword(PayloadFields.DOCUMENT_ID, documentId))
          .addMustNot(match(PayloadFields.GENERATION, generation))
          .build());
    }
  }
}
