package io.augment.adapter.out.djl;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes small JSON files (configs, tokenizer). */
final class Json {
  static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private Json() {}

  static JsonObject read(Path file) {
    try {
      return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, JsonObject json) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, GSON.toJson(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
