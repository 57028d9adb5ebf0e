package io.augment.application.evaluation.report;

import java.util.Locale;

/** Small helpers to write SVG elements as XHTML-compatible markup. */
final class Svg {
  static final String EM_COLOUR = "#1f5fa8";
  static final String F1_COLOUR = "#d9731a";
  static final String MUTED = "#6b7280";
  static final double CHAR_WIDTH = 6.4; // at font-size 11, a generous average for sans-serif

  private Svg() {}

  static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String text(double x, double y, String anchor, String cssClass, String content) {
    return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cssClass + "\">"
        + Text.html(content) + "</text>";
  }

  static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" class=\"" + cssClass + "\"/>";
  }

  static String rect(double x, double y, double w, double h, String cssClass) {
    return "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(Math.max(w, 0)) + "\" height=\"" + n(h) + "\" class=\"" + cssClass + "\"/>";
  }

  static String circle(double x, double y, double r, String cssClass) {
    return "<circle cx=\"" + n(x) + "\" cy=\"" + n(y) + "\" r=\"" + n(r) + "\" class=\"" + cssClass + "\"/>";
  }

  static String diamond(double x, double y, double r, String cssClass) {
    return "<polygon points=\"" + n(x) + "," + n(y - r) + " " + n(x + r) + "," + n(y) + " " + n(x) + "," + n(y + r) + " "
        + n(x - r) + "," + n(y) + "\" class=\"" + cssClass + "\"/>";
  }

  static String title(String content) {
    return "<title>" + Text.html(content) + "</title>";
  }

  static String open(String id, double width, double height, String label) {
    return "<svg id=\"" + id + "\" class=\"chart\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" width=\"" + n(width)
        + "\" height=\"" + n(height) + "\" role=\"img\" aria-label=\"" + Text.html(label) + "\">";
  }

  /** A name cut to fit {@code pixels} of label room. */
  static String fit(String name, double pixels) {
    return Text.cut(name, Math.max(4, (int) (pixels / CHAR_WIDTH)));
  }
}
