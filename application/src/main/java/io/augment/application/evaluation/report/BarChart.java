package io.augment.application.evaluation.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Two horizontal bars per contender (e.g. latency p50 and p95), names on the left. A missing
 * value draws no bar and reads "not recorded"; all-zero values still draw an axis.
 */
final class BarChart {
  /** @param a the first series' value, or null when not recorded; {@code b} likewise */
  record Bars(String label, Double a, Double b) {}

  private static final double W = 760, TOP = 44, LABELS = 230, LEFT = 240, RIGHT = 650, BAR = 12, GROUP = 34;

  private BarChart() {}

  /** @param max the axis' end, or 0 to fit the largest value */
  static String render(String id, String title, String a, String b, double max, DoubleFunction<String> value, List<Bars> bars) {
    double h = TOP + bars.size() * GROUP + 40;
    StringBuilder s = new StringBuilder(Svg.open(id, W, h, title));
    s.append(Svg.text(10, 18, "start", "chart-title", title));
    s.append(Svg.rect(RIGHT - 190, 8, 12, 10, "bar-a")).append(Svg.text(RIGHT - 174, 18, "start", "legend", a));
    s.append(Svg.rect(RIGHT - 90, 8, 12, 10, "bar-b")).append(Svg.text(RIGHT - 74, 18, "start", "legend", b));
    double top = max > 0 ? max : niceCeiling(bars.stream()
        .flatMap(x -> java.util.stream.Stream.of(x.a(), x.b())).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0));
    double bottom = TOP + bars.size() * GROUP;
    for (int i = 0; i <= 4; i++) {
      double x = LEFT + (RIGHT - LEFT) * i / 4;
      s.append(Svg.line(x, TOP - 4, x, bottom, "grid"));
      s.append(Svg.text(x, bottom + 16, "middle", "tick", value.apply(top * i / 4)));
    }
    s.append(Svg.line(LEFT, TOP - 4, LEFT, bottom, "axis"));
    for (int i = 0; i < bars.size(); i++) {
      Bars bar = bars.get(i);
      double y = TOP + i * GROUP;
      s.append("<g class=\"bars\" data-contender=\"").append(Text.html(bar.label())).append("\">");
      s.append(Svg.title(bar.label() + ": " + a + " " + shown(bar.a(), value) + ", " + b + " " + shown(bar.b(), value)));
      s.append(Svg.text(LABELS, y + BAR + 4, "end", "bar-name", Svg.fit(bar.label(), LABELS - 10)));
      bar(s, bar.a(), y, top, "bar-a", value);
      bar(s, bar.b(), y + BAR + 1, top, "bar-b", value);
      s.append("</g>");
    }
    return s.append("</svg>").toString();
  }

  private static void bar(StringBuilder s, Double v, double y, double top, String cssClass, DoubleFunction<String> value) {
    if (v == null) {
      s.append(Svg.text(LEFT + 4, y + BAR - 2, "start", "missing", Format.NOT_RECORDED));
      return;
    }
    double w = top == 0 ? 0 : (RIGHT - LEFT) * Math.min(1, Math.max(0, v / top));
    s.append(Svg.rect(LEFT, y, w, BAR, cssClass));
    s.append(Svg.text(LEFT + w + 4, y + BAR - 2, "start", "bar-value", value.apply(v)));
  }

  private static String shown(Double v, DoubleFunction<String> value) {
    return v == null ? Format.NOT_RECORDED : value.apply(v);
  }

  /** 1, 2, 2.5 or 5 times a power of ten, at or above {@code v}; 1 for 0. */
  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
