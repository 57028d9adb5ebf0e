package io.augment.application.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Markdown subset a {@link ReportSection} may use, read into blocks and written back out as
 * Markdown (raw HTML neutralised) or as XHTML (everything escaped).
 */
final class SectionMarkdown {
  sealed interface Block {}

  record Heading(String text) implements Block {}

  record Paragraph(String text) implements Block {}

  record Bullets(List<String> items) implements Block {}

  /** @param header the header cells, or empty when the table has no {@code |---|} row */
  record Grid(List<String> header, List<List<String>> rows) implements Block {}

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.*)$");
  private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
  private static final Pattern SEPARATOR_CELL = Pattern.compile("^:?-+:?$");

  private SectionMarkdown() {}

  private enum Kind { BLANK, HEADING, TABLE, BULLET, TEXT }

  static List<Block> parse(String markdown) {
    List<Block> blocks = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    Kind open = Kind.BLANK;
    for (String line : markdown.split("\r\n|\r|\n", -1)) {
      var heading = HEADING.matcher(line);
      var bullet = BULLET.matcher(line);
      boolean continuation = open == Kind.BULLET && !line.isBlank() && Character.isWhitespace(line.charAt(0));
      Kind kind = line.isBlank() ? Kind.BLANK : heading.matches() ? Kind.HEADING : line.trim().startsWith("|") ? Kind.TABLE
          : bullet.matches() || continuation ? Kind.BULLET : Kind.TEXT;
      if (kind != open || kind == Kind.HEADING) {
        flush(blocks, paragraph, items, table);
      }
      open = kind;
      switch (kind) {
        case HEADING -> blocks.add(new Heading(heading.group(1).trim()));
        case TABLE -> table.add(cells(line.trim()));
        case BULLET -> {
          if (bullet.matches()) {
            items.add(bullet.group(1).trim());
          } else {
            items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.trim());
          }
        }
        case TEXT -> paragraph.add(line.trim());
        case BLANK -> { }
      }
    }
    flush(blocks, paragraph, items, table);
    return blocks;
  }

  private static void flush(List<Block> blocks, List<String> paragraph, List<String> items, List<List<String>> table) {
    if (!paragraph.isEmpty()) {
      blocks.add(new Paragraph(String.join(" ", paragraph)));
      paragraph.clear();
    }
    if (!items.isEmpty()) {
      blocks.add(new Bullets(List.copyOf(items)));
      items.clear();
    }
    if (!table.isEmpty()) {
      blocks.add(grid(table));
      table.clear();
    }
  }

  private static Grid grid(List<List<String>> lines) {
    boolean hasHeader = lines.size() >= 2 && lines.get(1).stream().allMatch(c -> SEPARATOR_CELL.matcher(c).matches());
    List<List<String>> body = new ArrayList<>(lines.subList(hasHeader ? 2 : 0, lines.size()));
    int width = Math.max(hasHeader ? lines.get(0).size() : 0, body.stream().mapToInt(List::size).max().orElse(0));
    body.replaceAll(r -> padded(r, width));
    return new Grid(hasHeader ? padded(lines.get(0), width) : List.of(), List.copyOf(body));
  }

  private static List<String> padded(List<String> row, int width) {
    List<String> out = new ArrayList<>(row.subList(0, Math.min(row.size(), width)));
    while (out.size() < width) {
      out.add("");
    }
    return List.copyOf(out);
  }

  /** Cells of a {@code | a | b |} line, split on unescaped pipes, escapes kept. */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int start = 1;
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        cell.append(c).append(line.charAt(++i));
      } else if (c == '|') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      cells.add(cell.toString().trim());
    }
    return cells;
  }

  /**
   * Author's inline Markdown kept, with {@code < > &} as entities so no raw HTML passes; inside a
   * {@code `code`} span, where Markdown shows entities literally, a lone {@code &} stays as written.
   */
  static String markdownInline(String text) {
    StringBuilder out = new StringBuilder();
    boolean code = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`') {
        code = !code;
        out.append(c);
      } else if (code && c == '&' && entity(text, i) == null) {
        out.append(c);
      } else if (c == '\\' && i + 1 < text.length() && "<>&".indexOf(text.charAt(i + 1)) >= 0) {
        out.append(Text.entity(text.charAt(++i)));
      } else if (c == '\\' && i + 1 < text.length() && isPunctuation(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (c == '&' && entity(text, i) != null) {
        int end = text.indexOf(';', i) + 1;
        out.append(text, i, end);
        i = end - 1;
      } else if (c == '<' || c == '>' || c == '&') {
        out.append(Text.entity(c));
      } else {
        out.append(c);
      }
    }
    return Text.markdownSafe(out.toString());
  }

  /** Inline Markdown as XHTML: backslash escapes, {@code `code`} and {@code **bold**}; the rest escaped. */
  static String htmlInline(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && isPunctuation(text.charAt(i + 1))) {
        out.append(Text.html(String.valueOf(text.charAt(i + 1))));
        i += 2;
      } else if (c == '&' && entity(text, i) != null) {
        out.append(Text.html(entity(text, i)));
        i = text.indexOf(';', i) + 1;
      } else if (c == '`' && text.indexOf('`', i + 1) > i) {
        int end = text.indexOf('`', i + 1);
        out.append("<code>").append(Text.html(text.substring(i + 1, end))).append("</code>");
        i = end + 1;
      } else if (text.startsWith("**", i) && text.indexOf("**", i + 2) > i + 2) {
        int end = text.indexOf("**", i + 2);
        out.append("<strong>").append(htmlInline(text.substring(i + 2, end))).append("</strong>");
        i = end + 2;
      } else {
        int step = Character.charCount(text.codePointAt(i));
        out.append(Text.html(text.substring(i, i + step)));
        i += step;
      }
    }
    return out.toString();
  }

  /** The character of the entity reference at {@code i} ({@code &lt;}, {@code &#60;}, ...), or null when there is none. */
  private static String entity(String text, int i) {
    var m = ENTITY.matcher(text).region(i, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    String name = m.group(1);
    return switch (name) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> {
        int code = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "\uFFFD";
      }
    };
  }

  private static boolean isPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c >= 0x21;
  }
}
