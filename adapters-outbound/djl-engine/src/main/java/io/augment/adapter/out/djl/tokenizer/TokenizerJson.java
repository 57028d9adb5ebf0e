package io.augment.adapter.out.djl.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment.adapter.out.djl.format.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes byte-level BPE tokenizers in HuggingFace's {@code tokenizer.json} layout (GPT-2's). */
public final class TokenizerJson {
  private TokenizerJson() {}

  public static BpeTokenizer read(Path file) {
    JsonNode root = Json.read(file);
    JsonNode model = root.path("model");
    if (!"BPE".equals(model.path("type").asText("BPE")) || !model.has("vocab")) {
      throw new IllegalArgumentException(file + ": only BPE tokenizers are supported");
    }
    JsonNode byteLevel = byteLevel(root.path("pre_tokenizer"));
    if (byteLevel == null) {
      throw new IllegalArgumentException(file + ": only byte-level BPE (GPT-2 style) is supported");
    }
    Map<String, Integer> vocab = new LinkedHashMap<>();
    model.get("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
    List<String> merges = new ArrayList<>();
    for (JsonNode merge : model.path("merges")) {
      merges.add(merge.isArray() ? merge.get(0).asText() + " " + merge.get(1).asText() : merge.asText());
    }
    Map<String, Integer> specials = new LinkedHashMap<>();
    for (JsonNode added : root.path("added_tokens")) {
      specials.put(added.get("content").asText(), added.get("id").asInt());
    }
    specials.keySet().forEach(vocab::remove);
    return new BpeTokenizer(vocab, merges, specials, byteLevel.path("add_prefix_space").asBoolean(false));
  }

  private static JsonNode byteLevel(JsonNode preTokenizer) {
    if ("ByteLevel".equals(preTokenizer.path("type").asText())) {
      return preTokenizer;
    }
    for (JsonNode inner : preTokenizer.path("pretokenizers")) {
      if ("ByteLevel".equals(inner.path("type").asText())) {
        return inner;
      }
    }
    return null;
  }

  public static void write(BpeTokenizer tokenizer, Path file) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    tokenizer.specials().forEach((content, id) -> added.addObject()
        .put("id", id).put("content", content).put("single_word", false).put("lstrip", false)
        .put("rstrip", false).put("normalized", true).put("special", true));
    root.putNull("normalizer");
    byteLevel(root.putObject("pre_tokenizer"), tokenizer.addPrefixSpace(), true);
    byteLevel(root.putObject("post_processor"), true, false);
    byteLevel(root.putObject("decoder"), true, true);
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE").putNull("dropout");
    model.putNull("unk_token");
    model.put("continuing_subword_prefix", "").put("end_of_word_suffix", "").put("fuse_unk", false)
        .put("byte_fallback", false);
    ObjectNode vocab = model.putObject("vocab");
    Map<String, Integer> all = new LinkedHashMap<>(tokenizer.vocab());
    all.putAll(tokenizer.specials());
    all.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .forEach(e -> vocab.put(e.getKey(), e.getValue()));
    ArrayNode merges = model.putArray("merges");
    tokenizer.merges().forEach(merges::add);
    Json.write(file, root);
  }

  private static void byteLevel(ObjectNode node, boolean addPrefixSpace, boolean trimOffsets) {
    node.put("type", "ByteLevel").put("add_prefix_space", addPrefixSpace).put("trim_offsets", trimOffsets)
        .put("use_regex", true);
  }
}
