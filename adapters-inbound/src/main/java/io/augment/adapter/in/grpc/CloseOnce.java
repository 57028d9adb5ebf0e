package io.augment.adapter.in.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Closes each call at most once. The transport may end a call itself (it refuses an over-limit
 * message, or the client resets the stream); a later close by the service layer then throws
 * "Trailers already sent" on a worker thread. That close has nothing left to say, so it is dropped.
 */
@GlobalInterceptor
@ApplicationScoped
public class CloseOnce implements ServerInterceptor {
  private static final Logger LOG = Logger.getLogger(CloseOnce.class);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      private boolean closed;

      @Override
      public synchronized void close(Status status, Metadata trailers) {
        if (closed) {
          LOG.debugf("dropped a second close (%s) of %s", status.getCode(), call.getMethodDescriptor().getFullMethodName());
          return;
        }
        closed = true;
        try {
          super.close(status, trailers);
        } catch (IllegalStateException endedByTheTransport) {
          LOG.debugf("%s was already ended by the transport; dropped its close (%s)",
              call.getMethodDescriptor().getFullMethodName(), status.getCode());
        }
      }
    }, headers);
  }
}
