package io.augment.adapter.out.lucene;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The default codec, but accepting vectors wider than Lucene's default limit of 1024 (remote models
 * give 1536 or 3072). Files are written in the standard HNSW format under its own name, so the
 * default codec reads them back.
 */
final class WideVectorsCodec extends Lucene912Codec {

  static final int MAX_DIMENSIONS = 4096;

  private final KnnVectorsFormat vectors;

  WideVectorsCodec(HnswSettings hnsw) {
    vectors = new WideFormat(new Lucene99HnswVectorsFormat(hnsw.maxConnections(), hnsw.beamWidth()));
  }

  @Override
  public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
    return vectors;
  }

  private static final class WideFormat extends KnnVectorsFormat {
    private final KnnVectorsFormat delegate;

    WideFormat(KnnVectorsFormat delegate) {
      super(delegate.getName());
      this.delegate = delegate;
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
      return delegate.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
      return delegate.fieldsReader(state);
    }

    @Override
    public int getMaxDimensions(String fieldName) {
      return MAX_DIMENSIONS;
    }
  }
}
