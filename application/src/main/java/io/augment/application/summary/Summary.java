package io.augment.application.summary;

/**
 * A whole-knowledge-base summary.
 *
 * @param knowledgeBase the knowledge base
 * @param revision      the knowledge-base revision it summarises (cached per revision)
 * @param text          the summary
 * @param summarizer    id of the summarizer
 * @param extractive    true when made of copied sentences
 * @param chunksRead    chunks read in the map step; equals {@code totalChunks} for a complete summary
 * @param totalChunks   chunks in the knowledge base
 * @param documents     documents covered
 * @param levels        map/reduce levels (1 = one group)
 * @param cached        true when served from the cache
 * @param millis        time to compute it
 */
public record Summary(
    String knowledgeBase, long revision, String text, String summarizer, boolean extractive, long chunksRead,
    long totalChunks, long documents, int levels, boolean cached, double millis) {

  public double coverage() {
    return totalChunks == 0 ? 1.0 : (double) chunksRead / totalChunks;
  }

  Summary fromCache() {
    return new Summary(knowledgeBase, revision, text, summarizer, extractive, chunksRead, totalChunks, documents, levels,
        true, millis);
  }
}
