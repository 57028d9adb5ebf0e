package io.augment.adapter.out.persistence;

import io.augment.domain.job.Progress;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;

/** A job's {@link Progress} as the {@code progress_*} columns every job table has. */
@Embeddable
public class ProgressColumns {
  @Column(name = "progress_done", nullable = false)
  long done;

  @Column(name = "progress_total", nullable = false)
  long total;

  @Column(name = "progress_unit", length = 200)
  String unit;

  @Column(name = "progress_rate", nullable = false)
  double rate;

  /** ISO-8601 ({@link Duration#toString()}), exact to the nanosecond. */
  @Column(name = "progress_eta", length = 64)
  String eta;

  static ProgressColumns of(Progress p) {
    ProgressColumns c = new ProgressColumns();
    c.done = p.done();
    c.total = p.total();
    c.unit = Bounded.cut(p.unit(), 200);
    c.rate = p.ratePerSecond();
    c.eta = p.eta() == null ? null : p.eta().toString();
    return c;
  }

  Progress toProgress() {
    return new Progress(done, total, unit, rate, eta == null ? null : Duration.parse(eta));
  }
}
