package io.augment.bootstrap.hostile;

import io.augment.adapter.in.grpc.v1.DocumentsGrpc;
import io.augment.adapter.in.grpc.v1.IngestResult;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends a whole client stream (possibly empty, possibly out of order) and waits for the server's answer. */
final class GrpcUpload {
  private GrpcUpload() {}

  static IngestResult send(DocumentsGrpc.DocumentsStub stub, List<UploadRequest> messages) {
    CompletableFuture<IngestResult> result = new CompletableFuture<>();
    StreamObserver<UploadRequest> requests = stub.upload(new StreamObserver<>() {
      @Override
      public void onNext(IngestResult value) {
        result.complete(value);
      }

      @Override
      public void onError(Throwable error) {
        result.completeExceptionally(error);
      }

      @Override
      public void onCompleted() {
        result.completeExceptionally(new AssertionError("the upload completed without a result"));
      }
    });
    messages.forEach(requests::onNext);
    requests.onCompleted();
    try {
      return result.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no answer to the upload within 20 s", e);
    }
  }
}
