package io.augment.adapter.out.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.model.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates with a local model; a request's {@code adapter} picks a LoRA adapter applied on the fly
 * over the shared base (many stay resident, nothing is merged or reloaded) or a fully fine-tuned
 * checkpoint. Models and adapters load on first use and stay until {@link #close}.
 */
public final class DjlGenerator implements Generator, AutoCloseable {
  private final ModelStore store;
  private final DjlEngineConfig config;
  private final Random random;
  private final Map<String, LoadedModel> models = new ConcurrentHashMap<>();
  private final Map<String, LoraAdapter> adapters = new ConcurrentHashMap<>();

  public DjlGenerator(Path root, DjlEngineConfig config) {
    this.store = new ModelStore(root);
    this.config = config;
    this.random = new Random(config.seed());
  }

  @Override
  public String id() {
    return "djl:" + config.baseModel();
  }

  @Override
  public Generation generate(Prompt prompt, GenerationOptions options) {
    String text = prompt.system() == null || prompt.system().isBlank()
        ? prompt.userMessage() : prompt.system() + "\n\n" + prompt.userMessage();
    return complete(text, options);
  }

  /** Continues {@code text} (no prompt template). */
  public Generation complete(String text, GenerationOptions options) {
    String adapterName = options.adapter();
    LoraAdapter lora = adapterName != null && store.isLora(adapterName) ? adapter(adapterName) : null;
    LoadedModel model = adapterName == null ? model(config.baseModel())
        : lora != null ? model(lora.baseModel()) : fullModel(adapterName);
    int ctx = model.weights().config().contextLength();
    int[] promptIds = model.tokenizer().encode(text);
    int[] ids = Arrays.copyOf(promptIds, promptIds.length + options.maxTokens());
    int n = promptIds.length;
    String finish = "length";
    String out = "";
    for (int step = 0; step < options.maxTokens(); step++) {
      float[] logits = lastLogits(model.weights(), lora, ids, Math.max(0, n - ctx), n);
      // The model may have more rows than the tokenizer has ids; those rows are never valid output.
      int vocab = Math.min(logits.length, model.tokenizer().vocabSize());
      int next = Sampler.next(Arrays.copyOf(logits, vocab), options.temperature(), options.topP(), random);
      if (next == model.tokenizer().eos()) {
        finish = "stop";
        break;
      }
      ids[n++] = next;
      out = new String(model.tokenizer().bytes(Arrays.copyOfRange(ids, promptIds.length, n)), StandardCharsets.UTF_8);
      int cut = firstStop(out, options);
      if (cut >= 0) {
        out = out.substring(0, cut);
        finish = "stop";
        break;
      }
    }
    return new Generation(out, id(), false, new TokenUsage(promptIds.length, n - promptIds.length), finish);
  }

  /** Adapters currently resident over their base model. */
  public int residentAdapters() {
    return adapters.size();
  }

  private static float[] lastLogits(GptWeights w, LoraAdapter lora, int[] ids, int from, int to) {
    JniUtils.setGradMode(false);
    try (NDScope scope = new NDScope()) {
      long[] window = new long[Math.max(1, to - from)];
      for (int i = from; i < to; i++) {
        window[i - from] = ids[i];
      }
      NDArray in = w.manager().create(window, new Shape(1, window.length));
      NDArray logits = GptModel.logits(w, lora, in, false);
      scope.suppressNotUsedWarning();
      return logits.get(new NDIndex("0, -1")).toFloatArray();
    }
  }

  private static int firstStop(String text, GenerationOptions options) {
    int cut = -1;
    for (String stop : options.stop()) {
      int at = stop.isEmpty() ? -1 : text.indexOf(stop);
      if (at >= 0 && (cut < 0 || at < cut)) {
        cut = at;
      }
    }
    return cut;
  }

  private LoadedModel model(String name) {
    return models.computeIfAbsent(name, n -> {
      if (!store.hasModel(n)) {
        throw new NotFoundException("model", n);
      }
      return store.loadModel(n);
    });
  }

  private LoadedModel fullModel(String adapter) {
    if (!store.hasAdapter(adapter)) {
      throw new NotFoundException("adapter", adapter);
    }
    return models.computeIfAbsent("adapter:" + adapter, n -> ModelStore.loadFrom(store.adapterDir(adapter)));
  }

  private LoraAdapter adapter(String name) {
    return adapters.computeIfAbsent(name, n -> PeftFormat.load(store.adapterDir(n)));
  }

  @Override
  public void close() {
    adapters.values().forEach(LoraAdapter::close);
    models.values().forEach(LoadedModel::close);
  }
}
