package io.augment.application.evaluation.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads rendered reports back the way a reader (or a browser) would: tables by title, cells by header. */
final class ReportReader {
  private ReportReader() {}

  /** The page parsed as XML; throws when it is not well-formed. Loads nothing from outside. */
  static Document xml(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> elements(Node root, String tag) {
    NodeList list = root instanceof Document d ? d.getElementsByTagName(tag) : ((Element) root).getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  static Element byId(Document doc, String id) {
    for (Element e : elements(doc, "*")) {
      if (id.equals(e.getAttribute("id"))) {
        return e;
      }
    }
    throw new AssertionError("no element with id " + id);
  }

  /** Rows of the table under the heading {@code title}: first cell to (header to cell). */
  static Map<String, Map<String, String>> htmlTable(Document doc, String title) {
    for (String tag : List.of("h2", "h3")) {
      for (Element heading : elements(doc, tag)) {
        if (heading.getTextContent().equals(title)) {
          Node n = heading.getNextSibling();
          while (n != null && !(n instanceof Element e && e.getTagName().equals("div"))) {
            n = n.getNextSibling();
          }
          Element table = elements(n, "table").get(0);
          List<String> headers = elements(table, "th").stream().map(Node::getTextContent).toList();
          Map<String, Map<String, String>> rows = new LinkedHashMap<>();
          for (Element tr : elements(elements(table, "tbody").get(0), "tr")) {
            List<String> cells = elements(tr, "td").stream().map(Node::getTextContent).toList();
            rows.put(cells.get(0), zip(headers, cells));
          }
          return rows;
        }
      }
    }
    throw new AssertionError("no table titled " + title);
  }

  /** Rows of the Markdown table under the heading {@code title}, cells unescaped. */
  static Map<String, Map<String, String>> markdownTable(String markdown, String title) {
    List<String> lines = markdown.lines().toList();
    int i = 0;
    while (!lines.get(i).matches("#+ " + java.util.regex.Pattern.quote(title))) {
      i++;
    }
    while (!lines.get(i).startsWith("|")) {
      i++;
    }
    List<String> headers = cells(lines.get(i));
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> cells = cells(lines.get(i));
      if (cells.size() != headers.size()) {
        throw new AssertionError("row has " + cells.size() + " cells, header " + headers.size() + ": " + lines.get(i));
      }
      rows.put(cells.get(0), zip(headers, cells));
    }
    return rows;
  }

  /** Cells of a Markdown table row: split on unescaped pipes, backslash escapes and entities undone. */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        cell.append(line.charAt(++i));
      } else if (c == '|') {
        cells.add(cell.toString().trim().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return cells;
  }

  private static Map<String, String> zip(List<String> headers, List<String> cells) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      row.put(headers.get(i), cells.get(i));
    }
    return row;
  }
}
