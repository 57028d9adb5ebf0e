package io.augment.application.job;

import io.augment.domain.job.Progress;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The work of a background job: reports progress, checks for cancellation, returns its result. */
@FunctionalInterface
public interface JobTask<R> {
  R run(Consumer<Progress> progress, BooleanSupplier cancelled);
}
