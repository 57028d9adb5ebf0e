package io.augment.bootstrap.grpc;

import com.google.protobuf.ByteString;
import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.IngestResult;
import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A client-streaming upload driven step by step, so a test can stop before half-closing. */
final class StreamingUpload {
  private final CompletableFuture<IngestResult> result = new CompletableFuture<>();
  private final StreamObserver<UploadRequest> requests;

  StreamingUpload(DocumentsGrpc.DocumentsStub stub, UploadMetadata metadata) {
    requests = stub.upload(replyInto(result));
    requests.onNext(UploadRequest.newBuilder().setMetadata(metadata).build());
  }

  /** An observer that completes {@code reply} with the server's answer or its failure. */
  static StreamObserver<IngestResult> replyInto(CompletableFuture<IngestResult> reply) {
    return new StreamObserver<>() {
      @Override
      public void onNext(IngestResult value) {
        reply.complete(value);
      }

      @Override
      public void onError(Throwable error) {
        reply.completeExceptionally(error);
      }

      @Override
      public void onCompleted() {}
    };
  }

  /** The status {@code reply} fails with within 30 s; an assertion error when it succeeds or hangs. */
  static StatusRuntimeException failureOf(CompletableFuture<IngestResult> reply) {
    try {
      IngestResult unexpected = reply.get(30, TimeUnit.SECONDS);
      throw new AssertionError("the upload should have failed but answered " + unexpected);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException status) {
        return status;
      }
      throw new AssertionError("the upload failed without a gRPC status", e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no reply from the server within 30 s", e);
    }
  }

  /** Sends {@code content} in pieces of at most {@code pieceSize} bytes. */
  StreamingUpload send(byte[] content, int pieceSize) {
    for (int from = 0; from < content.length; from += pieceSize) {
      byte[] piece = Arrays.copyOfRange(content, from, Math.min(content.length, from + pieceSize));
      requests.onNext(UploadRequest.newBuilder().setChunk(ByteString.copyFrom(piece)).build());
    }
    return this;
  }

  /** Half-closes and waits for the reply. */
  IngestResult finish() {
    requests.onCompleted();
    return await();
  }

  /** Waits for the reply without half-closing; a failed call rethrows its status. */
  IngestResult await() {
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      requests.onError(e);
      throw new AssertionError("no reply from the server within 30 s", e);
    }
  }
}
