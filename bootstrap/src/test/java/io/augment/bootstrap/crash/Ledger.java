package io.augment.bootstrap.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What the clients sent and what the server acknowledged, across all trials: the truth the state
 * after a crash is checked against. Thread-safe.
 */
final class Ledger {
  /** Every document id ever sent, with the nonce word only its text carries. */
  private final Map<String, String> nonces = new ConcurrentHashMap<>();
  private final Set<String> acknowledgedWrites = ConcurrentHashMap.newKeySet();
  private final Set<String> acknowledgedDeletes = ConcurrentHashMap.newKeySet();
  /** Deletes sent, answered or not: one cut off by the crash may or may not have happened. */
  private final Set<String> deletesSent = ConcurrentHashMap.newKeySet();
  /** Acknowledged writes the deleter has not taken yet. */
  private final BlockingQueue<String> deletable = new LinkedBlockingQueue<>();

  void sent(String id, String nonce) {
    nonces.put(id, nonce);
  }

  void written(String id) {
    acknowledgedWrites.add(id);
    deletable.add(id);
  }

  void deleteSent(String id) {
    deletesSent.add(id);
  }

  void deleted(String id) {
    acknowledgedDeletes.add(id);
  }

  /** An acknowledged write to delete, or null when none is waiting. */
  String nextToDelete() {
    return deletable.poll();
  }

  /** Ids that must read back: acknowledged, and no delete of them was sent since. */
  List<String> mustExist() {
    List<String> ids = new ArrayList<>();
    for (String id : acknowledgedWrites) {
      if (!deletesSent.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  List<String> mustBeGone() {
    return new ArrayList<>(acknowledgedDeletes);
  }

  Map<String, String> everySent() {
    return Map.copyOf(nonces);
  }

  int writes() {
    return acknowledgedWrites.size();
  }

  int deletes() {
    return acknowledgedDeletes.size();
  }
}
