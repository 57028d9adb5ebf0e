package io.augment.adapter.out.llm;

import java.io.IOException;
import java.net.ServerSocket;

/** A local port nothing listens on (bound, then released). */
final class FreePort {
  private FreePort() {}

  static int find() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
