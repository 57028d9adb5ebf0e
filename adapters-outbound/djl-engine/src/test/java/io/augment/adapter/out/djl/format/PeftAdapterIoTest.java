package io.augment.adapter.out.djl.format;

import static io.augment.adapter.out.djl.TinyModels.logits;
import static io.augment.adapter.out.djl.TinyModels.maxAbsDifference;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.model.LoraInference;
import io.augment.adapter.out.djl.model.LoraMerge;
import io.augment.adapter.out.djl.model.LoraTarget;
import io.augment.adapter.out.djl.model.LoraWeights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeftAdapterIoTest {
  private static NDManager manager;
  private static GptModel base;
  @TempDir
  Path dir;

  @BeforeAll
  static void load() {
    manager = TinyModels.manager();
    base = TinyModels.model(manager, 21);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void writesPeftTensorNamesShapesAndConfig() {
    int d = base.config().dModel();
    LoraWeights lora = TinyModels.randomAdapter(base, TinyModels.spec(4, "q_proj", "v_proj", "mlp.c_fc"), 1);

    PeftAdapterIo.write(dir, lora, "tiny-base");

    Map<String, Tensor> tensors = SafeTensors.read(dir.resolve(PeftAdapterIo.WEIGHTS)).tensors();
    List<String> expected = new ArrayList<>();
    for (int layer = 0; layer < 2; layer++) {
      for (String module : List.of("attn.c_attn", "mlp.c_fc")) {
        expected.add("base_model.model.transformer.h." + layer + "." + module + ".lora_A.weight");
        expected.add("base_model.model.transformer.h." + layer + "." + module + ".lora_B.weight");
      }
    }
    assertThat(tensors.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(tensors.get("base_model.model.transformer.h.0.attn.c_attn.lora_A.weight").shape()).containsExactly(8, d);
    assertThat(tensors.get("base_model.model.transformer.h.0.attn.c_attn.lora_B.weight").shape())
        .containsExactly(3 * d, 8);
    assertThat(tensors.get("base_model.model.transformer.h.1.mlp.c_fc.lora_A.weight").shape()).containsExactly(4, d);
    assertThat(tensors.get("base_model.model.transformer.h.1.mlp.c_fc.lora_B.weight").shape())
        .containsExactly(4 * d, 4);

    JsonNode config = Json.read(dir.resolve(PeftAdapterIo.CONFIG));
    assertThat(config.get("peft_type").asText()).isEqualTo("LORA");
    assertThat(config.get("r").asInt()).isEqualTo(4);
    assertThat(config.get("lora_alpha").asDouble()).isEqualTo(8.0);
    assertThat(config.get("lora_dropout").asDouble()).isEqualTo(0.0);
    assertThat(config.get("base_model_name_or_path").asText()).isEqualTo("tiny-base");
    assertThat(config.get("target_modules")).extracting(JsonNode::asText).containsExactly("c_attn", "mlp.c_fc");
    assertThat(config.get("rank_pattern").get("c_attn").asInt()).isEqualTo(8);
    assertThat(config.get("alpha_pattern").get("c_attn").asDouble()).isEqualTo(16.0);
    assertThat(config.get("fan_in_fan_out").asBoolean()).isTrue();
  }

  @Test
  void adapterReadBackChangesTheModelExactlyAsBefore() {
    LoraWeights lora = TinyModels.randomAdapter(base, TinyModels.spec(4, "q", "v", "o", "mlp"), 2);
    PeftAdapterIo.write(dir, lora, "tiny-base");
    int[] tokens = TinyModels.sampleTokens();

    PeftAdapterIo.Read read = PeftAdapterIo.read(dir, manager);

    assertThat(read.baseModel()).isEqualTo("tiny-base");
    assertThat(read.weights().spec().targets()).containsExactlyInAnyOrder(LoraTarget.QUERY, LoraTarget.VALUE,
        LoraTarget.OUTPUT, LoraTarget.MLP_UP, LoraTarget.MLP_DOWN);
    try (LoraInference original = new LoraInference(base.config(), lora, manager);
        LoraInference reread = new LoraInference(base.config(), read.weights(), manager)) {
      assertThat(logits(base, reread, tokens)).containsExactly(logits(base, original, tokens));
    }
  }

  @Test
  void readsAnAdapterPeftWroteForGpt2() {
    int d = base.config().dModel();
    Random random = new Random(5);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (int layer = 0; layer < 2; layer++) {
      String prefix = "base_model.model.transformer.h." + layer + ".attn.c_attn.";
      tensors.put(prefix + "lora_A.weight", Tensor.of(new long[] {2, d}, gaussian(random, 2 * d, 0.2f)));
      tensors.put(prefix + "lora_B.weight", Tensor.of(new long[] {3 * d, 2}, gaussian(random, 6 * d, 0.2f)));
    }
    SafeTensors.write(dir.resolve(PeftAdapterIo.WEIGHTS), tensors, Map.of("format", "pt"));
    Json.write(dir.resolve(PeftAdapterIo.CONFIG), Json.MAPPER.createObjectNode().put("peft_type", "LORA")
        .put("r", 2).put("lora_alpha", 6).put("base_model_name_or_path", "gpt2").set("target_modules",
            Json.MAPPER.createArrayNode().add("c_attn")));

    PeftAdapterIo.Read read = PeftAdapterIo.read(dir, manager);

    assertThat(read.weights().spec().targets()).containsExactly(LoraTarget.QKV);
    assertThat(read.weights().pairs().values()).allSatisfy(p -> assertThat(p.scale()).isEqualTo(3f));
    int[] tokens = TinyModels.sampleTokens();
    try (LoraInference adapter = new LoraInference(base.config(), read.weights(), manager);
        GptModel merged = LoraMerge.merge(base, read.weights(), manager)) {
      assertThat(maxAbsDifference(logits(base, adapter, tokens), logits(merged, LoraDelta.NONE, tokens)))
          .isLessThan(1e-4f);
    }
  }

  private static float[] gaussian(Random random, int count, float std) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = std * (float) random.nextGaussian();
    }
    return values;
  }
}
