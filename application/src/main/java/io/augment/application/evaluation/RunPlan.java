package io.augment.application.evaluation;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.QuestionResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every answer a run needs, in the order it asks them: each evaluation question of every contender,
 * then each control question of the contenders a control set measures ({@link #controlled}).
 */
record RunPlan(List<Step> steps) {

  /** One question put to one contender. */
  record Step(String set, int index, EvaluationQuestion question, Contender contender) {
    Key key() {
      return new Key(set, index, contender.label());
    }
  }

  /** What identifies an answer among a run's stored results. */
  record Key(String set, int index, String contender) {
    static Key of(QuestionResult r) {
      return new Key(r.set(), r.index(), r.contender());
    }
  }

  static RunPlan of(EvaluationRunSpec spec, List<EvaluationQuestion> evaluation, List<EvaluationQuestion> control) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < evaluation.size(); i++) {
      for (Contender c : spec.contenders()) {
        steps.add(new Step(QuestionResult.EVALUATION, i, evaluation.get(i), c));
      }
    }
    for (int i = 0; i < control.size(); i++) {
      for (Contender c : spec.contenders()) {
        if (controlled(c)) {
          steps.add(new Step(QuestionResult.CONTROL, i, control.get(i), c));
        }
      }
    }
    return new RunPlan(List.copyOf(steps));
  }

  /**
   * Whether a control set is put to the contender: closed-book contenders (the base model among
   * them, when listed as {@code adapter:<base>}) and RAG read by a trained model, which is where
   * training can make a model forget; plain RAG leaves its generator unchanged.
   */
  static boolean controlled(Contender c) {
    return !c.rag() || c.adapter() != null;
  }

  /** Answers in all for sets of these sizes. */
  static long total(EvaluationRunSpec spec, int evaluationQuestions, int controlQuestions) {
    long controlled = spec.contenders().stream().filter(RunPlan::controlled).count();
    return (long) evaluationQuestions * spec.contenders().size() + controlQuestions * controlled;
  }

  /** The steps whose answers are not among {@code stored}, in order. */
  List<Step> remaining(Collection<QuestionResult> stored) {
    Set<Key> done = new HashSet<>();
    stored.forEach(r -> done.add(Key.of(r)));
    return steps.stream().filter(s -> !done.contains(s.key())).toList();
  }
}
