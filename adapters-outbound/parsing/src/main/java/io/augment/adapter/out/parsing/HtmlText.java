package io.augment.adapter.out.parsing;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Collects an HTML body's text: blocks as paragraphs, list items and table rows as lines. */
final class HtmlText implements NodeVisitor {
  private static final Set<String> LINES = Set.of("li", "tr", "dt", "dd");
  private static final Set<String> CELLS = Set.of("td", "th");

  private final StringBuilder out = new StringBuilder();

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode text) {
      out.append(insidePre(text) ? text.getWholeText() : text.text());
    } else if (node instanceof Element element) {
      String name = element.normalName();
      if (name.equals("br")) {
        out.append('\n');
      } else if (element.isBlock() && !LINES.contains(name) && !CELLS.contains(name)) {
        out.append("\n\n");
      }
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (node instanceof Element element) {
      String name = element.normalName();
      if (LINES.contains(name)) {
        out.append('\n');
      } else if (CELLS.contains(name)) {
        out.append(' ');
      } else if (element.isBlock()) {
        out.append("\n\n");
      }
    }
  }

  private static boolean insidePre(TextNode text) {
    for (Node n = text.parent(); n != null; n = n.parent()) {
      if (n instanceof Element e && e.normalName().equals("pre")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
