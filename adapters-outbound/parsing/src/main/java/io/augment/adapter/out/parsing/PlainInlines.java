package io.augment.adapter.out.parsing;

import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.text.TextContentNodeRendererContext;

/**
 * Renders inline Markdown as a reader sees it: link text without quotes or URL, code without
 * quotes, and a soft line break as the space it stands for.
 */
final class PlainInlines implements NodeRenderer {
  private final TextContentNodeRendererContext context;

  PlainInlines(TextContentNodeRendererContext context) {
    this.context = context;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Link.class, Code.class, SoftLineBreak.class);
  }

  @Override
  public void render(Node node) {
    if (node instanceof Code code) {
      context.getWriter().write(code.getLiteral());
    } else if (node instanceof SoftLineBreak) {
      context.getWriter().whitespace();
    } else {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
    }
  }
}
