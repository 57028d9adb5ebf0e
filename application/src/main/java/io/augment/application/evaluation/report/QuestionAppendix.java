package io.augment.application.evaluation.report;

import io.augment.domain.evaluation.QuestionResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-question results of the first {@value #QUESTIONS} questions (each contender's answer to
 * each), long texts cut; everything is in the per-question JSONL download.
 */
final class QuestionAppendix {
  static final int QUESTIONS = 50;
  static final int QUESTION_CHARS = 300;
  static final int ANSWER_CHARS = 300;

  private QuestionAppendix() {}

  static Table of(List<QuestionResult> results) {
    Set<String> questions = new LinkedHashSet<>();
    results.forEach(r -> questions.add(key(r)));
    Set<String> shown = new LinkedHashSet<>(questions.stream().limit(QUESTIONS).toList());
    List<List<String>> rows = new ArrayList<>();
    int hiddenRows = 0;
    for (QuestionResult r : results) {
      if (!shown.contains(key(r))) {
        hiddenRows++;
        continue;
      }
      rows.add(List.of(r.set(), Integer.toString(r.index() + 1), r.contender(), Text.cut(r.question(), QUESTION_CHARS),
          r.error() != null ? "error: " + Text.cut(r.error(), ANSWER_CHARS) : Text.cut(r.answer(), ANSWER_CHARS),
          Format.share(r.exactMatch()), Format.share(r.f1()), r.contains() ? "yes" : "no", Format.decimal(r.latencyMs())));
    }
    int more = questions.size() - shown.size();
    String note = results.isEmpty() ? "No question has been answered yet."
        : more == 0 ? "Every question of the run, " + Format.count(questions.size()) + " in all."
        : "The first " + shown.size() + " of " + Format.count(questions.size()) + " questions; " + Format.count(more)
            + " more (" + Format.count(hiddenRows) + " answers) are in the per-question JSONL download.";
    return new Table("Per-question results", note,
        List.of("set", "#", "contender", "question", "answer", "EM", "F1", "contains", "latency ms"), rows);
  }

  private static String key(QuestionResult r) {
    return r.set() + "\u0000" + r.index();
  }
}
