package io.augment.domain.adaptation;

import java.util.Locale;

/**
 * Life cycle of a fine-tuning job, as OpenAI's fine-tuning API names it. A job is
 * {@code validating_files} while its training files are checked (the local provider checks them
 * before it acknowledges, so its jobs start {@code queued}), {@code queued} until a trainer takes it,
 * {@code running} while it trains, then {@code succeeded}, {@code failed} (with a reason) or
 * {@code cancelled}.
 */
public enum FineTuneStatus {
  VALIDATING_FILES, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** The lower-case name APIs use, e.g. {@code validating_files}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
