package io.augment.adapter.out.djl;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Folder layout under the root: {@code models/<name>/} holds a Hugging Face style checkpoint
 * ({@code config.json}, {@code model.safetensors}, {@code tokenizer.json}); {@code adapters/<name>/}
 * holds either a PEFT LoRA adapter or a fully fine-tuned checkpoint plus {@code augment_adapter.json}.
 */
public final class ModelStore {
  static final String CONFIG = "config.json";
  static final String WEIGHTS = "model.safetensors";
  static final String TOKENIZER = "tokenizer.json";
  static final String ADAPTER_META = "augment_adapter.json";
  private final Path root;

  public ModelStore(Path root) {
    this.root = root;
  }

  public Path modelDir(String name) {
    return root.resolve("models").resolve(name);
  }

  public Path adapterDir(String name) {
    return root.resolve("adapters").resolve(name);
  }

  public boolean hasModel(String name) {
    return Files.exists(modelDir(name).resolve(WEIGHTS));
  }

  public boolean isLora(String adapter) {
    return Files.exists(adapterDir(adapter).resolve(PeftFormat.CONFIG));
  }

  public boolean hasAdapter(String adapter) {
    return isLora(adapter) || Files.exists(adapterDir(adapter).resolve(ADAPTER_META));
  }

  public LoadedModel loadModel(String name) {
    return loadFrom(modelDir(name));
  }

  /** Saves {@code models/<name>}; returns the bytes of the weights file. */
  public long saveModel(String name, GptWeights weights, ByteBpeTokenizer tokenizer) {
    return saveTo(modelDir(name), weights, tokenizer);
  }

  static LoadedModel loadFrom(Path dir) {
    GptConfig c = GptConfig.fromJson(Json.read(dir.resolve(CONFIG)));
    ByteBpeTokenizer tokenizer = Files.exists(dir.resolve(TOKENIZER))
        ? ByteBpeTokenizer.load(dir.resolve(TOKENIZER)) : new ByteBpeTokenizer(java.util.List.of());
    return new LoadedModel(GptWeights.load(c, dir.resolve(WEIGHTS)), tokenizer);
  }

  /** Writes a checkpoint; returns the bytes of the weights file. */
  static long saveTo(Path dir, GptWeights weights, ByteBpeTokenizer tokenizer) {
    Json.write(dir.resolve(CONFIG), weights.config().toJson());
    tokenizer.save(dir.resolve(TOKENIZER));
    return weights.save(dir.resolve(WEIGHTS));
  }

  static void writeAdapterMeta(Path dir, String baseModel) {
    JsonObject meta = new JsonObject();
    meta.addProperty("base_model", baseModel);
    meta.addProperty("method", "FULL");
    Json.write(dir.resolve(ADAPTER_META), meta);
  }

  Stream<Path> adapterDirs() {
    Path dir = root.resolve("adapters");
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long bytes(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
