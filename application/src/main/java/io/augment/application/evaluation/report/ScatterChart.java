package io.augment.application.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Accuracy (EM and F1, 0 to 1) of each contender against a cost on a log axis. Zero does not sit
 * on a log axis: contenders at zero (RAG trains nothing) are drawn hollow in a shaded band left of
 * an axis break. Each contender is one {@code <g class="point">} labelled with its name.
 */
final class ScatterChart {
  /** @param x the cost, 0 or more */
  record Point(String label, double x, double em, double f1) {}

  private static final double W = 760, H = 400, LEFT = 58, TOP = 44, PLOT_RIGHT = 560, BOTTOM = 340;
  private static final double BAND = 64, BREAK = 16, LINE = 13;

  private ScatterChart() {}

  static String render(String id, String title, String xTitle, String zeroLabel, DoubleFunction<String> tick, List<Point> points) {
    StringBuilder s = new StringBuilder(Svg.open(id, W, H, title));
    s.append(Svg.text(LEFT, 18, "start", "chart-title", title));
    legend(s);
    boolean zeros = points.stream().anyMatch(p -> p.x() == 0);
    double logLeft = zeros ? LEFT + BAND + BREAK : LEFT + 12;
    LogAxis axis = LogAxis.of(points.stream().mapToDouble(Point::x).filter(x -> x > 0).toArray(), logLeft, PLOT_RIGHT);
    for (int i = 0; i <= 4; i++) {
      double y = y(i / 4.0);
      s.append(Svg.line(LEFT, y, PLOT_RIGHT, y, "grid"));
      s.append(Svg.text(LEFT - 6, y + 4, "end", "tick", Format.share(i / 4.0)));
    }
    if (zeros) {
      s.append(Svg.rect(LEFT, TOP, BAND, BOTTOM - TOP, "zero-band"));
      s.append(Svg.text(LEFT + BAND / 2, BOTTOM + 16, "middle", "tick", "0"));
      s.append(Svg.text(LEFT + BAND / 2, TOP + 12, "middle", "band-label", zeroLabel));
      s.append(Svg.line(LEFT + BAND + BREAK / 2 - 3, BOTTOM + 5, LEFT + BAND + BREAK / 2 + 3, BOTTOM - 5, "axis"));
    }
    for (double decade : axis.empty() ? List.<Double>of() : axis.ticks()) {
      double x = axis.x(decade);
      s.append(Svg.line(x, TOP, x, BOTTOM, "grid"));
      s.append(Svg.text(x, BOTTOM + 16, "middle", "tick", tick.apply(decade)));
    }
    s.append(Svg.line(LEFT, BOTTOM, PLOT_RIGHT, BOTTOM, "axis")).append(Svg.line(LEFT, TOP, LEFT, BOTTOM, "axis"));
    s.append(Svg.text((LEFT + PLOT_RIGHT) / 2, BOTTOM + 36, "middle", "axis-title", xTitle + (axis.empty() ? "" : " (log scale)")));
    s.append("<text x=\"14\" y=\"").append(Svg.n((TOP + BOTTOM) / 2)).append("\" text-anchor=\"middle\" class=\"axis-title\" transform=\"rotate(-90 14 ")
        .append(Svg.n((TOP + BOTTOM) / 2)).append(")\">accuracy</text>");
    points(s, points, axis, zeros);
    return s.append("</svg>").toString();
  }

  private static void legend(StringBuilder s) {
    double x = PLOT_RIGHT - 250;
    s.append(Svg.circle(x, 14, 5, "em")).append(Svg.text(x + 9, 18, "start", "legend", "exact match"));
    s.append(Svg.diamond(x + 96, 14, 6, "f1")).append(Svg.text(x + 105, 18, "start", "legend", "F1"));
    s.append(Svg.circle(x + 140, 14, 5, "em hollow")).append(Svg.text(x + 149, 18, "start", "legend", "at 0 (hollow)"));
  }

  private static void points(StringBuilder s, List<Point> points, LogAxis axis, boolean zeros) {
    long zeroCount = points.stream().filter(p -> p.x() == 0).count();
    int zeroIndex = 0;
    List<double[]> placed = new ArrayList<>();
    for (Point p : points) {
      boolean zero = p.x() == 0;
      double x = zero ? LEFT + BAND * (++zeroIndex) / (zeroCount + 1) : axis.x(p.x());
      double em = y(p.em()), f1 = y(p.f1());
      String hollow = zero ? " hollow" : "";
      s.append("<g class=\"point\" data-contender=\"").append(Text.html(p.label())).append("\">");
      s.append(Svg.title(p.label() + ": exact match " + Format.share(p.em()) + ", F1 " + Format.share(p.f1())));
      s.append(Svg.line(x, em, x, f1, "stem"));
      s.append(Svg.circle(x, em, 5, "em" + hollow)).append(Svg.diamond(x, f1, 6, "f1" + hollow));
      label(s, placed, p.label(), x, (em + f1) / 2);
      s.append("</g>");
    }
  }

  /** The name beside its point, moved down (then up) until it overlaps no earlier label. */
  private static void label(StringBuilder s, List<double[]> placed, String name, double x, double y) {
    boolean right = x < LEFT + (PLOT_RIGHT - LEFT) * 0.55;
    double room = right ? W - x - 12 : x - 12;
    String text = Svg.fit(name, Math.min(room, 200));
    double width = text.length() * Svg.CHAR_WIDTH;
    double x1 = right ? x + 9 : x - 9 - width, x2 = x1 + width;
    double ly = y + 4;
    for (int attempt = 0; attempt < 60 && overlaps(placed, x1, x2, ly); attempt++) {
      ly = y + 4 + LINE * ((attempt / 2) + 1) * (attempt % 2 == 0 ? 1 : -1);
    }
    placed.add(new double[] {x1, x2, ly});
    s.append(Svg.text(right ? x + 9 : x - 9, ly, right ? "start" : "end", "point-label", text));
  }

  private static boolean overlaps(List<double[]> placed, double x1, double x2, double y) {
    return placed.stream().anyMatch(b -> x1 < b[1] && b[0] < x2 && Math.abs(b[2] - y) < LINE);
  }

  private static double y(double share) {
    double v = Math.max(0, Math.min(1, share));
    return BOTTOM - v * (BOTTOM - TOP - 10);
  }
}
