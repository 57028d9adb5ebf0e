package io.augment.adapter.in.grpc;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.ExportModelChunk;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * What an export writes, sent as chunks of {@value #CHUNK} bytes. Writing fails once the client has
 * cancelled, which stops the export. gRPC buffers what a slow client has not taken yet.
 */
final class ExportChunks extends OutputStream {
  static final int CHUNK = 256 * 1024;

  private final MultiEmitter<? super ExportModelChunk> emitter;
  private final byte[] buffer = new byte[CHUNK];
  private int filled;

  ExportChunks(MultiEmitter<? super ExportModelChunk> emitter) {
    this.emitter = emitter;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      int n = Math.min(length, CHUNK - filled);
      System.arraycopy(bytes, offset, buffer, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == CHUNK) {
        send();
      }
    }
  }

  /** Sends what is left; the export is complete. */
  void finish() throws IOException {
    if (filled > 0) {
      send();
    }
  }

  private void send() throws IOException {
    if (emitter.isCancelled()) {
      throw new InterruptedIOException("the client cancelled the export");
    }
    emitter.emit(ExportModelChunk.newBuilder().setData(ByteString.copyFrom(buffer, 0, filled)).build());
    filled = 0;
  }
}
