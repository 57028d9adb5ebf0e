package io.augment.domain.adaptation;

import java.util.List;

/**
 * Reads a JSONL training file: one JSON object per line in one of the forms fine-tuning users have,
 * {@code {"messages": [{"role": ..., "content": ...}, ...]}}, {@code {"prompt": ..., "completion": ...}}
 * or {@code {"text": ...}}; blank lines are skipped.
 *
 * <p>Contract: a line that is not one of those forms is refused with an
 * {@link io.augment.domain.model.InvalidInputException} naming {@code field} whose message starts
 * with {@code line <n>:} (1-based) and says what is wrong; a file without any example is refused.
 */
public interface TrainingDataParser {
  List<TrainingExample> parse(String field, byte[] jsonl);
}
