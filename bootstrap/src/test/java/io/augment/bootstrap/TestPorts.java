package io.augment.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for test profiles that must know the application's port before it starts. */
public final class TestPorts {
  private TestPorts() {}

  /** A port free right now (the OS may hand it out again later; good enough for tests). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
