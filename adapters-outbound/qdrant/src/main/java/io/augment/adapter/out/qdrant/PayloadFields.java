package io.augment.adapter.out.qdrant;

/**
 * Names of the payload fields the adapter writes, and the order-preserving integer encoding that lets
 * Qdrant (whose ranges are numeric only) answer string range filters.
 *
 * <p>Every metadata key, and the document id under {@code documentId}, is written three ways:
 * {@code m_<key>} the value, {@code l_<key>} its comma-separated elements trimmed, and
 * {@code r<i>_<key>} the value's rank groups. Keys are encoded so that any string is a plain Qdrant
 * key: letters and digits stay, every other UTF-16 unit becomes {@code _} and four hex digits.
 */
final class PayloadFields {

  static final String CHUNK_ID = "chunk_id";
  static final String DOCUMENT_ID = "document_id";
  static final String INDEX = "index";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String TOKEN_COUNT = "token_count";
  static final String METADATA = "metadata";
  static final String GENERATION = "generation";

  /** Rank groups stored per value: three characters each, so values compare exactly on 66 characters. */
  static final int MAX_RANK_GROUPS = 22;
  /** The longest range bound that still compares exactly against every stored value. */
  static final int MAX_RANGE_BOUND = 3 * MAX_RANK_GROUPS - 1;

  private static final int BITS_PER_CHAR = 17;

  private PayloadFields() {}

  static String value(String key) {
    return "m_" + encode(key);
  }

  static String elements(String key) {
    return "l_" + encode(key);
  }

  static String rank(String key, int group) {
    return "r" + group + "_" + encode(key);
  }

  /**
   * The string as integers that compare like {@link String#compareTo}: each UTF-16 unit {@code c}
   * becomes {@code c + 1} in 17 bits, three per group (below 2^51, exact as a double), the string
   * is ended by a 0 unit, and only the groups up to and including that end are returned, at most
   * {@code maxGroups}. Two strings compare as the lexicographic order of their groups.
   */
  static long[] rankGroups(String s, int maxGroups) {
    int count = Math.min(maxGroups, s.length() / 3 + 1);
    long[] groups = new long[count];
    for (int g = 0; g < count; g++) {
      long group = 0;
      for (int j = 0; j < 3; j++) {
        int at = 3 * g + j;
        group = (group << BITS_PER_CHAR) | (at < s.length() ? s.charAt(at) + 1L : 0L);
      }
      groups[g] = group;
    }
    return groups;
  }

  static String encode(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else {
        out.append('_').append(String.format("%04x", (int) c));
      }
    }
    return out.toString();
  }
}
