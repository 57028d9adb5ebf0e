package io.augment.domain.testing;

import static io.augment.domain.testing.Chunks.chunk;

import java.util.List;

/**
 * Five one-chunk documents whose metadata exercise list and range filters, in document-id order:
 * <pre>
 *   a  tags "red, blue"       date "2024-01-15"
 *   b  tags "blue"            date "2024-03-01"
 *   c  tags " green ,yellow"  date "2024-03-31"
 *   d  neither key
 *   e  tags "Blue"            date "2023-12-31"
 * </pre>
 */
public final class TaggedChunks {
  private TaggedChunks() {}

  public static List<Chunks.Builder> all() {
    return List.of(
        chunk("a", 0).meta("tags", "red, blue").meta("date", "2024-01-15"),
        chunk("b", 0).meta("tags", "blue").meta("date", "2024-03-01"),
        chunk("c", 0).meta("tags", " green ,yellow").meta("date", "2024-03-31"),
        chunk("d", 0).meta("lang", "en"),
        chunk("e", 0).meta("tags", "Blue").meta("date", "2023-12-31"));
  }
}
