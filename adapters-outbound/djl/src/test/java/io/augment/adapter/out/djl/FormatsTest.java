package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.adaptation.LoraSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
  @TempDir
  Path dir;

  @Test
  void safetensorsRoundTripKeepsNamesShapesAndValues() {
    Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
    t.put("a.weight", new Safetensors.Tensor(new long[] {2, 3}, new float[] {1, -2, 3.5f, 0, 1e-7f, 9}));
    t.put("b", new Safetensors.Tensor(new long[] {1}, new float[] {42}));
    long bytes = Safetensors.write(dir.resolve("x.safetensors"), t);

    Map<String, Safetensors.Tensor> back = Safetensors.read(dir.resolve("x.safetensors"));
    assertThat(back.keySet()).containsExactly("a.weight", "b");
    assertThat(back.get("a.weight").shape()).containsExactly(2, 3);
    assertThat(back.get("a.weight").data()).containsExactly(1, -2, 3.5f, 0, 1e-7f, 9);
    assertThat(bytes).isEqualTo(dir.resolve("x.safetensors").toFile().length());
  }

  @Test
  void checkpointRoundTripGivesIdenticalLogits() {
    try (GptWeights w = GptWeights.initialise(Tiny.CONFIG, 3)) {
      w.save(dir.resolve("model.safetensors"));
      try (GptWeights back = GptWeights.load(Tiny.CONFIG, dir.resolve("model.safetensors"))) {
        assertThat(back.parameters().keySet()).containsExactlyElementsOf(w.parameters().keySet());
        assertThat(Tiny.logits(back, null)).containsExactly(Tiny.logits(w, null));
      }
    }
  }

  @Test
  void loraAdapterSavesInPeftLayoutAndLoadsBack() {
    LoraSettings s = new LoraSettings(2, 4, 0.05, Set.of("c_attn", "mlp.c_proj"));
    try (GptWeights w = GptWeights.initialise(Tiny.CONFIG, 3);
        LoraAdapter lora = LoraAdapter.create(Tiny.CONFIG, s, "tiny-base", 5)) {
      lora.pairs().get("h.1.attn.c_attn")[1].addi(0.5f);
      PeftFormat.save(lora, dir);

      var config = Json.read(dir.resolve("adapter_config.json"));
      assertThat(config.get("r").getAsInt()).isEqualTo(2);
      assertThat(config.get("lora_alpha").getAsDouble()).isEqualTo(4);
      assertThat(config.get("base_model_name_or_path").getAsString()).isEqualTo("tiny-base");
      assertThat(config.getAsJsonArray("target_modules").toString()).isEqualTo("[\"c_attn\",\"mlp.c_proj\"]");
      var tensors = Safetensors.read(dir.resolve("adapter_model.safetensors"));
      assertThat(tensors).containsKeys("base_model.model.transformer.h.0.attn.c_attn.lora_A.weight",
          "base_model.model.transformer.h.1.mlp.c_proj.lora_B.weight").hasSize(8);
      assertThat(tensors.get("base_model.model.transformer.h.0.attn.c_attn.lora_B.weight").shape()).containsExactly(96, 2);
      assertThat(tensors.get("base_model.model.transformer.h.0.mlp.c_proj.lora_A.weight").shape()).containsExactly(2, 128);

      try (LoraAdapter back = PeftFormat.load(dir)) {
        assertThat(back.settings()).isEqualTo(s);
        assertThat(Tiny.logits(w, back)).containsExactly(Tiny.logits(w, lora));
      }
    }
  }

  @Test
  void importsAHuggingFaceGpt2CheckpointWithConv1dLayout() {
    Path hf = dir.resolve("hf");
    try (GptWeights w = GptWeights.initialise(Tiny.CONFIG, 4)) {
      Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
      w.parameters().forEach((k, v) -> t.put(k, new Safetensors.Tensor(v.getShape().getShape(), v.toFloatArray())));
      for (int i = 0; i < Tiny.CONFIG.layers(); i++) {
        t.put("h." + i + ".attn.bias", new Safetensors.Tensor(new long[] {1, 1, 16, 16}, new float[256]));
      }
      assertThat(t.get("h.0.attn.c_attn.weight").shape()).containsExactly(32, 96);
      Safetensors.write(hf.resolve("model.safetensors"), t);
      Json.write(hf.resolve("config.json"), Tiny.CONFIG.toJson());

      DjlLocalEngine engine = new DjlLocalEngine(dir.resolve("root"));
      assertThat(engine.importGpt2(hf, "gpt2-tiny")).isEqualTo(Tiny.CONFIG);
      try (LoadedModel m = engine.store().loadModel("gpt2-tiny")) {
        assertThat(Tiny.logits(m.weights(), null)).containsExactly(Tiny.logits(w, null));
        assertThat(m.tokenizer().decode(m.tokenizer().encode("héllo"))).isEqualTo("héllo");
      }
    }
  }

  @Test
  void tokenizerRoundTripsTextAndLearnsMerges() {
    ByteBpeTokenizer t = ByteBpeTokenizer.train(Tiny.corpus(), 300);
    t.save(dir.resolve("tokenizer.json"));
    ByteBpeTokenizer back = ByteBpeTokenizer.load(dir.resolve("tokenizer.json"));
    String text = "the cat sat on the mat. ünïcødé ✓";
    assertThat(back.decode(back.encode(text))).isEqualTo(text);
    assertThat(back.encode("the cat sat")).hasSizeLessThan("the cat sat".length());
    assertThat(back.vocabSize()).isEqualTo(t.vocabSize()).isLessThanOrEqualTo(300);
  }
}
