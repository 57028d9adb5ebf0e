package io.augment.adapter.out.djl.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A float32 tensor as stored on disk: shape and little-endian data. Files in F16 or BF16 are
 * widened to F32 when read.
 */
public record Tensor(long[] shape, ByteBuffer data) {
  public Tensor {
    shape = shape.clone();
    data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (data.remaining() != 4L * elementCount(shape)) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + 4L * elementCount(shape)
          + " bytes, got " + data.remaining());
    }
  }

  public static Tensor of(long[] shape, float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return new Tensor(shape, buffer);
  }

  public float[] values() {
    float[] values = new float[(int) elementCount(shape)];
    data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  public long bytes() {
    return data.remaining();
  }

  public static long elementCount(long[] shape) {
    long count = 1;
    for (long dimension : shape) {
      count *= dimension;
    }
    return count;
  }
}
