package io.augment.adapter.out.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.ConflictException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.grpc.Status;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.CollectionsGrpc.CollectionsFutureStub;
import io.qdrant.client.grpc.PointsGrpc.PointsFutureStub;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one Qdrant RPC with a deadline per attempt, retries the failures worth retrying with
 * exponential backoff, and turns gRPC statuses into Augment's exceptions. Every call the adapter
 * makes is idempotent (upserts write fixed ids, deletes select by filter), so retrying is safe.
 */
final class QdrantCalls {

  static final String BACKEND = "qdrant";

  private static final Set<Status.Code> TRANSIENT = Set.of(
      Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  private final QdrantGrpcClient grpc;
  private final Duration timeout;
  private final int retries;

  QdrantCalls(QdrantGrpcClient grpc, Duration timeout, int retries) {
    if (timeout.isNegative() || timeout.isZero() || retries < 0) {
      throw new IllegalArgumentException("timeout must be positive and retries at least 0");
    }
    this.grpc = grpc;
    this.timeout = timeout;
    this.retries = retries;
  }

  /** A collections RPC; NOT_FOUND means {@code knowledgeBase}'s collection is missing. */
  <T> T collections(String knowledgeBase, Function<CollectionsFutureStub, ListenableFuture<T>> call) {
    return run(knowledgeBase, () -> call.apply(grpc.collections().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)));
  }

  /** A points RPC; NOT_FOUND means {@code knowledgeBase}'s collection is missing. */
  <T> T points(String knowledgeBase, Function<PointsFutureStub, ListenableFuture<T>> call) {
    return run(knowledgeBase, () -> call.apply(grpc.points().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)));
  }

  private <T> T run(String knowledgeBase, Supplier<ListenableFuture<T>> call) {
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      ListenableFuture<T> future = call.get();
      try {
        return future.get();
      } catch (ExecutionException e) {
        Status status = Status.fromThrowable(e.getCause());
        if (!TRANSIENT.contains(status.getCode()) || attempt > retries) {
          throw translate(status, knowledgeBase, attempt);
        }
      } catch (InterruptedException e) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        throw new BackendUnavailableException(BACKEND, "interrupted while waiting for Qdrant", e);
      }
      sleep(backoff);
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }
  }

  private static RuntimeException translate(Status status, String knowledgeBase, int attempts) {
    String message = status.getDescription() == null ? status.getCode().name() : status.getDescription();
    return switch (status.getCode()) {
      case NOT_FOUND -> new NotFoundException("collection", knowledgeBase);
      case INVALID_ARGUMENT -> new InvalidInputException(message.contains("dimension") ? "vector" : "request", message);
      case ALREADY_EXISTS -> new ConflictException(message);
      default -> new BackendUnavailableException(BACKEND,
          status.getCode() + " after " + attempts + " attempt(s): " + message, status.asRuntimeException());
    };
  }

  private static void sleep(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException(BACKEND, "interrupted while retrying", e);
    }
  }
}
