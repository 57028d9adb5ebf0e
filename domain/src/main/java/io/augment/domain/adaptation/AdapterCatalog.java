package io.augment.domain.adaptation;

import java.util.List;
import java.util.Optional;

/** The adapters and fine-tuned models available to generation. */
public interface AdapterCatalog {
  List<Adapter> adapters();

  Optional<Adapter> find(String name);

  /** Deletes the artifact; returns false when there was none. */
  boolean delete(String name);
}
