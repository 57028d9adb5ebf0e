package io.augment.domain.model;

/** An outbound backend (vector store, model server) failed or could not be reached. */
public class BackendUnavailableException extends AugmentException {
  private final String backend;

  public BackendUnavailableException(String backend, String message, Throwable cause) {
    super(backend + ": " + message, cause);
    this.backend = backend;
  }

  public String backend() {
    return backend;
  }
}
