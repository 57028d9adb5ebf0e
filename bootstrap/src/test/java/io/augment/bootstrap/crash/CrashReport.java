package io.augment.bootstrap.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The per-trial table, printed to the log and written to {@code target/crash-report.md}. */
final class CrashReport {
  private final List<String> rows = new ArrayList<>();

  /** One trial: what this trial had acknowledged, and what the restart got wrong over everything sent so far. */
  void trial(int trial, long killedAfterMs, int writes, int deletes, int inFlight, Verification.Findings f) {
    trial(String.valueOf(trial), killedAfterMs, writes, deletes, inFlight, f);
  }

  /** The same, for a trial named by more than its number (e.g. "2 alpha": one tenant's share of trial 2). */
  void trial(String trial, long killedAfterMs, int writes, int deletes, int inFlight, Verification.Findings f) {
    rows.add(String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d |", trial, killedAfterMs, writes, deletes, inFlight,
        f.lost().size(), f.resurrected().size(), f.orphans().size(), f.unsearchable().size()));
  }

  String table() {
    List<String> lines = new ArrayList<>(List.of(
        "| trial | killed after ms | acknowledged writes | acknowledged deletes | in flight at kill | lost | resurrected deletes | orphans | unsearchable |",
        "|---|---|---|---|---|---|---|---|---|"));
    lines.addAll(rows);
    return String.join("\n", lines);
  }

  void write(Path file) throws IOException {
    String text = "# Crash recovery (kill -9 under load)\n\n"
        + "Acknowledged writes and deletes are this trial's; lost, resurrected, orphans and unsearchable are counted\n"
        + "over every document sent in this and earlier trials, after the restart (orphan: no document record, but a\n"
        + "BM25 search for its nonce finds its chunk; unsearchable: the record exists, the search does not find it).\n\n"
        + table() + "\n";
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    System.out.println(text);
  }
}
