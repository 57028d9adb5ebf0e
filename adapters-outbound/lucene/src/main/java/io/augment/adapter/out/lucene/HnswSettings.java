package io.augment.adapter.out.lucene;

/**
 * How the HNSW graph is built. Building it is most of the cost of a write (about 0.7 ms per
 * 384-dimension vector with the defaults on 2 cores); a smaller beam builds faster and finds
 * slightly fewer true neighbours.
 *
 * @param maxConnections neighbours kept per node (Lucene's M), 16 by default
 * @param beamWidth      candidates considered while inserting (efConstruction), 100 by default
 */
public record HnswSettings(int maxConnections, int beamWidth) {

  public static final HnswSettings DEFAULT = new HnswSettings(16, 100);

  public HnswSettings {
    if (maxConnections < 2 || maxConnections > 512) {
      throw new IllegalArgumentException("maxConnections must be between 2 and 512");
    }
    if (beamWidth < 1 || beamWidth > 3200) {
      throw new IllegalArgumentException("beamWidth must be between 1 and 3200");
    }
  }
}
