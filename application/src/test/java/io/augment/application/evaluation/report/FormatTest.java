package io.augment.application.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void sharesAndDeltasKeepThreeDecimalsWhateverTheLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertThat(Format.share(2.0 / 3)).isEqualTo("0.667");
      assertThat(Format.delta(-0.1204)).isEqualTo("-0.120");
      assertThat(Format.delta(0.05)).isEqualTo("+0.050");
      assertThat(Format.count(1_234_567)).isEqualTo("1,234,567");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void bytesUseBinaryUnits() {
    assertThat(Format.bytes(512)).isEqualTo("512 B");
    assertThat(Format.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Format.bytes(3L << 20)).isEqualTo("3.0 MiB");
    assertThat(Format.bytes(5L << 30)).isEqualTo("5.0 GiB");
  }

  @Test
  void aTinyButNonZeroShareIsNotShownAsZero() {
    assertThat(Format.percent(1, 1_000_000)).isEqualTo("<0.01 %");
    assertThat(Format.percent(0, 1_000_000)).isEqualTo("0.00 %");
    assertThat(Format.percent(19, 1000)).isEqualTo("1.90 %");
  }

  @Test
  void durationsReadAsAPersonWouldSayThem() {
    assertThat(Format.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
    assertThat(Format.duration(Duration.ofMillis(12_340))).isEqualTo("12.3 s");
    assertThat(Format.duration(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
    assertThat(Format.duration(Duration.ofSeconds(7384))).isEqualTo("2 h 03 min 04 s");
  }

  @Test
  void axisTicksAreCompact() {
    assertThat(Format.compact(0)).isEqualTo("0");
    assertThat(Format.compact(10)).isEqualTo("10");
    assertThat(Format.compact(1_000)).isEqualTo("1k");
    assertThat(Format.compact(10_000_000)).isEqualTo("10M");
    assertThat(Format.compact(0.1)).isEqualTo("0.1");
  }
}
