package io.augment.bootstrap.bench;

/** BEIR ids such as {@code Super_Bowl_50#0} use '#', which chunk ids reserve: '~' stands in for it. */
final class BeirIds {
  private BeirIds() {}

  static String toDocumentId(String beirId) {
    return beirId.replace('#', '~');
  }

  static String fromDocumentId(String documentId) {
    return documentId.replace('~', '#');
  }
}
