package io.augment.adapter.out.qdrant;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An in-process gRPC server speaking Qdrant's API, built on the client's generated service classes,
 * for exactly the RPCs {@link QdrantVectorIndex} makes (see {@link FakeCollectionsService},
 * {@link FakePointsService}). Tests can make chosen calls fail or every call slow.
 */
public final class FakeQdrantServer implements AutoCloseable {

  private final FakeQdrantStore store = new FakeQdrantStore();
  private final Faults faults = new Faults();
  private final Server server;

  private final String name;

  private FakeQdrantServer(io.grpc.ServerBuilder<?> builder, String name) {
    this.name = name;
    try {
      server = builder
          .addService(ServerInterceptors.intercept(new FakeCollectionsService(store), faults))
          .addService(ServerInterceptors.intercept(new FakePointsService(store), faults))
          .build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FakeQdrantServer start() {
    String name = InProcessServerBuilder.generateName();
    return new FakeQdrantServer(InProcessServerBuilder.forName(name), name);
  }

  /** The fake on a loopback TCP port, for an application configured with a Qdrant URL. */
  public static FakeQdrantServer startOnLoopback() {
    return new FakeQdrantServer(io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
        .forAddress(new java.net.InetSocketAddress("127.0.0.1", 0)), null);
  }

  /** The TCP port, when started with {@link #startOnLoopback()}. */
  public int port() {
    return server.getPort();
  }

  /** A client on a channel of its own; closing the client closes the channel. */
  QdrantClient newClient() {
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    return new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build());
  }

  FakeQdrantStore store() {
    return store;
  }

  /** The next {@code times} calls of {@code method} (e.g. {@code "qdrant.Points/Delete"}) fail with {@code code}. */
  void failNext(String method, int times, Status.Code code) {
    faults.method = method;
    faults.code = code;
    faults.remaining.set(times);
  }

  void delayEveryCall(Duration delay) {
    faults.delayMillis = delay.toMillis();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Answers {@code out} with {@code body}'s value, or with the Qdrant error it threw. */
  static <T> void answer(StreamObserver<T> out, Supplier<T> body) {
    T value;
    try {
      value = body.get();
    } catch (StatusRuntimeException e) {
      out.onError(e);
      return;
    }
    out.onNext(value);
    out.onCompleted();
  }

  private static final class Faults implements ServerInterceptor {
    final AtomicInteger remaining = new AtomicInteger();
    volatile String method = "";
    volatile Status.Code code = Status.Code.OK;
    volatile long delayMillis;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (call.getMethodDescriptor().getFullMethodName().equals(method) && remaining.getAndDecrement() > 0) {
        call.close(Status.fromCode(code).withDescription("injected by FakeQdrantServer"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
