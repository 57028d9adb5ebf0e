package io.augment.domain.model;

import java.util.Collection;
import java.util.Map;

/**
 * Every length, count and range a store or index enforces, checked once, up front, by the commands
 * that every protocol builds: a request over a limit is refused with {@link InvalidInputException}
 * naming the request's field before anything is written. The SQL limits mirror
 * {@code V1__init.sql} (characters); Lucene refuses indexed terms over 32,766 UTF-8 bytes, which
 * {@link #METADATA_VALUE} characters of any text stay below.
 */
public final class Limits {
  /** Knowledge base names ({@code knowledge_base.name}). */
  public static final int KNOWLEDGE_BASE_NAME = 63;
  /** Knowledge base descriptions ({@code knowledge_base.description}). */
  public static final int DESCRIPTION = 10_000;
  /** Embedding model ids ({@code knowledge_base.embedding_model_id}). */
  public static final int MODEL_ID = 200;
  /** Document ids ({@code document.id}); see {@link Document#ID_PATTERN}. */
  public static final int DOCUMENT_ID = 200;
  /** Document titles ({@code document.title}). */
  public static final int TITLE = 2_000;
  /** Media types ({@code document.media_type}). */
  public static final int MEDIA_TYPE = 255;
  /** Metadata keys (the SQL column allows 255; keys also match {@link #METADATA_KEY_PATTERN}). */
  public static final int METADATA_KEY = 64;
  public static final String METADATA_KEY_PATTERN = "[A-Za-z0-9_.-]{1,64}";
  /** Metadata values ({@code document_metadata.meta_value}); at most 30,000 UTF-8 bytes, under Lucene's term limit. */
  public static final int METADATA_VALUE = 10_000;
  /** Metadata entries on one document. */
  public static final int METADATA_ENTRIES = 64;
  /** Chunk text ({@code chunk.content}). */
  public static final int CHUNK_TEXT = 1_000_000;
  /** A question or search query. */
  public static final int QUESTION = 10_000;
  /** Keys of one metadata filter (Lucene allows 1,024 clauses per query). */
  public static final int FILTER_KEYS = 64;
  /** Values one filter key may list. */
  public static final int FILTER_VALUES = 1_000;
  /** Documents in one batch upload (ingest job). */
  public static final int BATCH_DOCUMENTS = 10_000;
  /** Items of one page of a listing ({@code limit}); {@code offset} is 0 or more. */
  public static final int PAGE_SIZE = 1_000;

  private Limits() {}

  /** {@code value} unless longer than {@code max} characters; null passes. */
  public static String atMost(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(field, "must be at most " + max + " characters, got " + value.length());
    }
    return value;
  }

  /** A non-blank value of at most {@code max} characters. */
  public static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "must not be empty");
    }
    return atMost(field, value, max);
  }

  /**
   * {@code value} unless it holds nothing a reader can see: only whitespace, format (zero-width)
   * or control characters, which embed to nothing.
   */
  public static String visible(String field, String value, String what) {
    boolean visible = value != null && value.codePoints().anyMatch(c -> !Character.isWhitespace(c)
        && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
        && Character.getType(c) != Character.CONTROL);
    if (!visible) {
      throw new InvalidInputException(field, what + " holds only invisible characters (whitespace, zero-width "
          + "or control characters)");
    }
    return value;
  }

  /** {@code value} unless outside {@code [min, max]}. */
  public static int between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidInputException(field, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  /** {@code items} unless it holds more than {@code max} elements; null passes. */
  public static <T extends Collection<?>> T atMostItems(String field, T items, int max) {
    if (items != null && items.size() > max) {
      throw new InvalidInputException(field, "must hold at most " + max + " items, got " + items.size());
    }
    return items;
  }

  /**
   * Checks document metadata: at most {@link #METADATA_ENTRIES} entries, keys matching
   * {@link #METADATA_KEY_PATTERN}, values non-null and at most {@link #METADATA_VALUE} characters.
   * Errors name {@code metadata} or {@code metadata.<key>}.
   */
  public static Map<String, String> metadata(Map<String, String> metadata) {
    if (metadata == null) {
      return Map.of();
    }
    if (metadata.size() > METADATA_ENTRIES) {
      throw new InvalidInputException("metadata", "must hold at most " + METADATA_ENTRIES + " keys, got " + metadata.size());
    }
    metadata.forEach((key, value) -> {
      if (key == null || !key.matches(METADATA_KEY_PATTERN)) {
        throw new InvalidInputException("metadata", "keys must match " + METADATA_KEY_PATTERN + ", got '"
            + (key == null ? "null" : shorten(key)) + "'");
      }
      if (value == null) {
        throw new InvalidInputException("metadata." + key, "must be a string, not null");
      }
      atMost("metadata." + key, value, METADATA_VALUE);
    });
    return Map.copyOf(metadata);
  }

  /**
   * A title found in a parsed file (an HTML {@code <title>}, a Markdown heading), cut to
   * {@link #TITLE} characters at a word boundary when longer, so a long heading never fails an
   * ingest; null or blank gives null. Titles given in a request are refused instead ({@link #atMost}).
   */
  public static String derivedTitle(String title) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String t = title.strip();
    if (t.length() <= TITLE) {
      return t;
    }
    int cut = t.lastIndexOf(' ', TITLE - 1);
    int end = cut > TITLE / 2 ? cut : TITLE - 1;
    if (Character.isHighSurrogate(t.charAt(end - 1))) {
      end--;
    }
    return t.substring(0, end).strip() + "…";
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
