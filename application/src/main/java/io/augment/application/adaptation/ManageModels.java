package io.augment.application.adaptation;

import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.model.NotImplementedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models and adapters a tenant's trainer made or imported, served for generation as
 * {@code adapter:<name>}; each can be exported as a zip archive.
 *
 * <p>Importing reads only from the operator's import folder: a request's {@code path} is resolved
 * against it, and refused ({@code path}) when it, or a file in it, leads outside that folder by
 * {@code ..}, an absolute path or a symbolic link, or when it is no folder. Without an import folder
 * importing is not implemented (501) and names the setting.
 */
public final class ManageModels {
  /** The prefix that addresses a trained model or adapter in generation requests. */
  public static final String PREFIX = "adapter:";

  /** The setting that names the import folder, quoted when importing is off. */
  public static final String IMPORT_SETTING = "augment.fine-tuning.import-dir";

  private final AdapterCatalog catalog;
  private final Path importDir;

  /** Without importing. */
  public ManageModels(AdapterCatalog catalog) {
    this(catalog, null);
  }

  /** @param importDir the folder imports are read from; null: importing is off */
  public ManageModels(AdapterCatalog catalog, Path importDir) {
    this.catalog = catalog;
    this.importDir = importDir;
  }

  public List<Adapter> list() {
    return catalog.adapters();
  }

  public Optional<Adapter> find(String name) {
    return catalog.find(name);
  }

  public Adapter get(String name) {
    return find(name).orElseThrow(() -> new NotFoundException("model or adapter", name));
  }

  /** Deletes a model or adapter; refuses a model adapters are built on. */
  public void delete(String name) {
    if (!catalog.delete(name)) {
      throw new NotFoundException("model or adapter", name);
    }
  }

  /**
   * Imports the HuggingFace GPT-2 folder at {@code path} (relative to the import folder, or absolute
   * inside it) as the model {@code name}.
   */
  public Adapter importModel(String name, String path) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    Path folder = confined(path);
    try {
      return catalog.importModel(name, folder);
    } catch (InvalidInputException e) {
      throw "folder".equals(e.field()) ? e.withField("path") : e;
    }
  }

  /**
   * The model or adapter {@code name}, once it is known that {@link #export} can write it: call this
   * before starting a response.
   *
   * @throws NotFoundException when there is none
   * @throws NotImplementedException when this trainer's models cannot be exported
   */
  public Adapter exportable(String name) {
    Adapter adapter = get(name);
    if (!catalog.exportsModels()) {
      throw new NotImplementedException("this server's trainer keeps its models elsewhere; they cannot be exported here");
    }
    return adapter;
  }

  /** Writes {@code name} to {@code out} as a zip archive (see {@link AdapterCatalog#export}). */
  public void export(String name, OutputStream out) {
    exportable(name);
    catalog.export(name, out);
  }

  /** The real folder {@code path} names, once it is known to lie, with every file in it, inside the import folder. */
  private Path confined(String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidInputException("path", "is required: a folder under the server's import folder");
    }
    Path root = importRoot();
    Path given;
    try {
      given = Path.of(path);
    } catch (InvalidPathException e) {
      throw new InvalidInputException("path", "is not a valid path");
    }
    Path configured = importDir.toAbsolutePath().normalize(); // absolute paths may use it, or its real name
    Path lexical = configured.resolve(given).normalize();
    if (!lexical.startsWith(configured) && !lexical.startsWith(root)) {
      throw outside();
    }
    Path real;
    try {
      real = lexical.toRealPath();
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("path", "'" + path + "' does not exist in the import folder");
    } catch (IOException e) {
      throw new InvalidInputException("path", "'" + path + "' cannot be read");
    }
    if (!real.startsWith(root)) {
      throw outside();
    }
    if (!Files.isDirectory(real)) {
      throw new InvalidInputException("path", "'" + path + "' is not a folder");
    }
    try (Stream<Path> files = Files.list(real)) {
      for (Path file : files.toList()) {
        if (!file.toRealPath().startsWith(root)) {
          throw new InvalidInputException("path", "'" + root.relativize(real).resolve(file.getFileName())
              + "' links outside the import folder");
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException("path", "'" + path + "' cannot be read");
    }
    return real;
  }

  private Path importRoot() {
    if (importDir == null) {
      throw new NotImplementedException("importing models is off on this server: set " + IMPORT_SETTING);
    }
    try {
      return importDir.toRealPath();
    } catch (IOException e) {
      throw new NotImplementedException("importing models is off on this server: its import folder ("
          + IMPORT_SETTING + ") does not exist");
    }
  }

  private static InvalidInputException outside() {
    return new InvalidInputException("path", "must lie inside the server's import folder (give it relative to that "
        + "folder; '..', outside absolute paths and links out are refused)");
  }
}
