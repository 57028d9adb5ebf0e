package io.augment.adapter.out.lucene;

/**
 * How the HNSW graph is built. Building it is most of the cost of a write (about 0.7 ms per
 * 384-dimension vector with the defaults on 2 cores); a smaller beam builds faster and finds
 * slightly fewer true neighbours.
 *
 * @param maxConnections  neighbours kept per node (Lucene's M), 16 by default
 * @param beamWidth       candidates considered while inserting (efConstruction), 100 by default
 * @param exactSearchUpTo a dense search scores every candidate exactly instead of walking the graph
 *                        when the collection, or the chunks its filter leaves, number at most this
 *                        ({@value #DEFAULT_EXACT_SEARCH_UP_TO} by default; 0 always walks the graph)
 */
public record HnswSettings(int maxConnections, int beamWidth, int exactSearchUpTo) {

  /**
   * A scan of 10,000 384-dimension vectors measured 38 ms against HNSW's 20 ms (2 busy cores): a small
   * price below this size for results that are exact where HNSW is not.
   */
  public static final int DEFAULT_EXACT_SEARCH_UP_TO = 10_000;

  public static final HnswSettings DEFAULT = new HnswSettings(16, 100);

  /** The graph settings with the default exact-search threshold. */
  public HnswSettings(int maxConnections, int beamWidth) {
    this(maxConnections, beamWidth, DEFAULT_EXACT_SEARCH_UP_TO);
  }

  public HnswSettings {
    if (exactSearchUpTo < 0) {
      throw new IllegalArgumentException("exactSearchUpTo must not be negative");
    }
    if (maxConnections < 2 || maxConnections > 512) {
      throw new IllegalArgumentException("maxConnections must be between 2 and 512");
    }
    if (beamWidth < 1 || beamWidth > 3200) {
      throw new IllegalArgumentException("beamWidth must be between 1 and 3200");
    }
  }
}
