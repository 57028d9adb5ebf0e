package io.augment.adapter.in.grpc;

import io.grpc.ServerCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A call's listener until the real one is known (after the key was checked off the event loop):
 * holds every event in order and hands them over, then forwards directly.
 */
final class DeferredListener<Q> extends ServerCall.Listener<Q> {
  private final List<Consumer<ServerCall.Listener<Q>>> pending = new ArrayList<>();
  private ServerCall.Listener<Q> delegate;

  void delegateTo(ServerCall.Listener<Q> listener) {
    List<Consumer<ServerCall.Listener<Q>>> events;
    synchronized (this) {
      delegate = listener;
      events = new ArrayList<>(pending);
      pending.clear();
    }
    events.forEach(event -> event.accept(listener));
  }

  @Override
  public void onMessage(Q message) {
    run(l -> l.onMessage(message));
  }

  @Override
  public void onHalfClose() {
    run(ServerCall.Listener::onHalfClose);
  }

  @Override
  public void onCancel() {
    run(ServerCall.Listener::onCancel);
  }

  @Override
  public void onComplete() {
    run(ServerCall.Listener::onComplete);
  }

  @Override
  public void onReady() {
    run(ServerCall.Listener::onReady);
  }

  private void run(Consumer<ServerCall.Listener<Q>> event) {
    ServerCall.Listener<Q> target;
    synchronized (this) {
      if (delegate == null) {
        pending.add(event);
        return;
      }
      target = delegate;
    }
    event.accept(target);
  }
}
