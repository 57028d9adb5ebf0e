package io.augment.adapter.in;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * An evaluation run's spec from a request's values, shared by REST and gRPC: contenders in their
 * string form (errors name {@code contenders[i]}), topK and maxTokens defaulting to
 * {@link EvaluationRunSpec#DEFAULT_TOP_K} and {@link EvaluationRunSpec#DEFAULT_MAX_TOKENS}.
 */
public final class EvaluationSpecs {
  private EvaluationSpecs() {}

  /** {@code controlSet} null or blank: none; {@code topK}/{@code maxTokens} null: the defaults. */
  public static EvaluationRunSpec of(
      String evaluationSet, String controlSet, List<String> contenders, Integer topK, Integer maxTokens) {
    if (contenders == null || contenders.isEmpty()) {
      throw new InvalidInputException("contenders", "must name at least one contender, e.g. rag:<kb>");
    }
    if (contenders.size() > EvaluationRunSpec.MAX_CONTENDERS) {
      throw new InvalidInputException("contenders", "at most " + EvaluationRunSpec.MAX_CONTENDERS + ", got " + contenders.size());
    }
    List<Contender> parsed = new ArrayList<>();
    for (int i = 0; i < contenders.size(); i++) {
      parsed.add(Contender.parse("contenders[" + i + "]", contenders.get(i)));
    }
    return new EvaluationRunSpec(evaluationSet, controlSet == null || controlSet.isBlank() ? null : controlSet, parsed,
        topK == null ? EvaluationRunSpec.DEFAULT_TOP_K : topK,
        maxTokens == null ? EvaluationRunSpec.DEFAULT_MAX_TOKENS : maxTokens);
  }
}
