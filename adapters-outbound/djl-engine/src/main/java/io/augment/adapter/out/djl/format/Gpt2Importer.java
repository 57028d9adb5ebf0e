package io.augment.adapter.out.djl.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.model.GptWeights;
import io.augment.adapter.out.djl.model.Projection;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import io.augment.adapter.out.djl.tokenizer.TokenizerJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Copies a HuggingFace GPT-2 folder ({@code config.json}, {@code model.safetensors},
 * {@code tokenizer.json}) into this engine's checkpoint layout: checked against the architecture,
 * buffers and the tied head dropped, data widened to F32. Needs no engine.
 */
public final class Gpt2Importer {
  private Gpt2Importer() {}

  /**
   * Validates {@code source} and writes the normalised checkpoint to {@code target}; returns its config.
   *
   * @throws IllegalArgumentException when {@code source} is not a GPT-2 folder this engine serves; the
   *     message names the offending file by its name only, never by a path
   */
  public static GptConfig importInto(Path source, Path target) {
    for (String file : new String[] {GptCheckpoint.CONFIG, GptCheckpoint.WEIGHTS, GptCheckpoint.TOKENIZER}) {
      if (!Files.isRegularFile(source.resolve(file))) {
        throw new IllegalArgumentException("the folder lacks " + file + " (a GPT-2 folder needs config.json, "
            + "model.safetensors and tokenizer.json)");
      }
    }
    GptConfig config = reading(source, GptCheckpoint.CONFIG,
        () -> GptConfig.fromHuggingFace(Json.read(source.resolve(GptCheckpoint.CONFIG))));
    BpeTokenizer tokenizer = reading(source, GptCheckpoint.TOKENIZER,
        () -> TokenizerJson.read(source.resolve(GptCheckpoint.TOKENIZER)));
    if (tokenizer.vocabSize() > config.vocabSize()) {
      throw new IllegalArgumentException("tokenizer.json has more tokens than vocab_size");
    }
    Map<String, Tensor> tensors = reading(source, GptCheckpoint.WEIGHTS,
        () -> GptCheckpoint.normalise(SafeTensors.read(source.resolve(GptCheckpoint.WEIGHTS)).tensors()));
    Map<String, Tensor> ordered = new LinkedHashMap<>();
    GptWeights.shapes(config).forEach((name, shape) -> {
      long[] fileShape = Projection.isProjectionWeight(name) ? new long[] {shape[1], shape[0]} : shape;
      Tensor tensor = tensors.get(name);
      if (tensor == null || !Arrays.equals(tensor.shape(), fileShape)) {
        throw new IllegalArgumentException(name + (tensor == null ? " is missing" : " has shape "
            + Arrays.toString(tensor.shape())) + "; expected " + Arrays.toString(fileShape));
      }
      ordered.put(name, tensor);
    });
    try {
      Files.createDirectories(target);
      Json.write(target.resolve(GptCheckpoint.CONFIG), config.toHuggingFace(tokenizer.endOfText()));
      SafeTensors.write(target.resolve(GptCheckpoint.WEIGHTS), ordered, Map.of("format", "pt"));
      Files.copy(source.resolve(GptCheckpoint.TOKENIZER), target.resolve(GptCheckpoint.TOKENIZER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot import " + source, e);
    }
    return config;
  }

  /** Reads one of the folder's files; whatever goes wrong (a hostile file, say) is reported as that file's fault. */
  private static <T> T reading(Path source, String file, Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(withoutPath(source, e.getMessage()), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static String withoutPath(Path source, String message) {
    String text = message == null ? "malformed" : message;
    for (Path folder : new Path[] {source, source.toAbsolutePath()}) {
      text = text.replace(folder + java.io.File.separator, "");
    }
    return text;
  }
}
