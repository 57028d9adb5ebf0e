package io.augment.domain.adaptation;

import io.augment.domain.model.NotImplementedException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The adapters and fine-tuned models available to generation, each addressed by a unique name.
 * {@code AdapterCatalogContract} is what every implementation must pass.
 */
public interface AdapterCatalog {
  /** Every artifact, by name; empty when there is none. */
  List<Adapter> adapters();

  /** The artifact named {@code name}; empty for an unknown or malformed name (never an error). */
  Optional<Adapter> find(String name);

  /** Deletes the artifact; returns false when there was none. */
  boolean delete(String name);

  /**
   * Installs the HuggingFace GPT-2 checkpoint in {@code folder} ({@code config.json},
   * {@code model.safetensors}, {@code tokenizer.json}) as the full model {@code name}, listed and
   * served like a trained one (its {@link Adapter#training()} is null). The caller has checked that
   * {@code folder} may be read; nothing is installed when this fails.
   *
   * @throws io.augment.domain.model.InvalidInputException field {@code name} for a malformed name,
   *     field {@code folder} when the folder is not a checkpoint this catalog can serve
   * @throws io.augment.domain.model.AlreadyExistsException when {@code name} is taken
   * @throws NotImplementedException when this catalog cannot hold outside models (the default)
   */
  default Adapter importModel(String name, Path folder) {
    throw new NotImplementedException("this trainer's models cannot be imported here");
  }

  /**
   * Writes the artifact {@code name} to {@code out} as a zip archive (leaving {@code out} open): a
   * full model as {@code model.safetensors}, {@code config.json} and {@code tokenizer.json} (a
   * HuggingFace GPT-2 folder), a LoRA adapter in PEFT's layout ({@code adapter_model.safetensors},
   * {@code adapter_config.json}), each with {@code augment.json} describing it. Entries are plain
   * file names, never paths.
   *
   * @throws io.augment.domain.model.NotFoundException when there is no such artifact
   * @throws NotImplementedException when this catalog's artifacts cannot be exported (the default)
   */
  default void export(String name, OutputStream out) {
    throw new NotImplementedException("this trainer's models cannot be exported here");
  }

  /**
   * Whether {@link #export} writes archives (false, the default: it throws
   * {@link NotImplementedException}), so a caller can refuse before it starts a response.
   */
  default boolean exportsModels() {
    return false;
  }
}
