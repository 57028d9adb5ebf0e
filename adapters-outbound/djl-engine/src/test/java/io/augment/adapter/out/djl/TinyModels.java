package io.augment.adapter.out.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.GptWeights;
import io.augment.adapter.out.djl.model.LoraDelta;
import io.augment.adapter.out.djl.model.LoraSpec;
import io.augment.adapter.out.djl.model.LoraTarget;
import io.augment.adapter.out.djl.model.LoraWeights;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import io.augment.adapter.out.djl.tokenizer.BpeTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Tiny seeded corpora, tokenizers, models and adapters shared by the tests. */
public final class TinyModels {
  private static final String[] ANIMALS = {"cat", "dog", "fox", "owl", "hen", "cow"};
  private static final String[] VERBS = {"sees", "chases", "likes", "finds", "feeds"};
  private static final String[] THINGS = {"the ball", "a red box", "the old mat", "some bread", "the tree"};
  private static BpeTokenizer tokenizer;

  private TinyModels() {}

  /** Short sentences from a small grammar; the same for a given seed. */
  public static List<String> corpus(int sentences, long seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      texts.add("the " + pick(ANIMALS, random) + " " + pick(VERBS, random) + " " + pick(THINGS, random) + ".");
    }
    return texts;
  }

  /** A narrower distribution over the same words: only owls and hens, only feeding. */
  public static List<String> narrowCorpus(int sentences, long seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      texts.add("the " + (random.nextBoolean() ? "owl" : "hen") + " feeds " + pick(THINGS, random) + ".");
    }
    return texts;
  }

  private static String pick(String[] words, Random random) {
    return words[random.nextInt(words.length)];
  }

  public static synchronized BpeTokenizer tokenizer() {
    if (tokenizer == null) {
      tokenizer = BpeTrainer.train(corpus(300, 1), 320);
    }
    return tokenizer;
  }

  /** d_model 32, 2 layers, 2 heads, context 32. */
  public static GptConfig config() {
    return GptConfig.of(tokenizer().vocabSize(), 32, 32, 2, 2);
  }

  public static NDManager manager() {
    return Engine.getEngine("PyTorch").newBaseManager();
  }

  public static GptModel model(NDManager manager, long seed) {
    return GptWeights.initialize(config(), manager, seed);
  }

  public static LoraSpec spec(int rank, String... targets) {
    return new LoraSpec(rank, 2.0 * rank, 0.0, LoraTarget.parse(Set.of(targets)));
  }

  /** An adapter whose B is random too, so it changes the model's output. */
  public static LoraWeights randomAdapter(GptModel model, LoraSpec spec, long seed) {
    return randomAdapter(model, spec, seed, 0.05f);
  }

  /** As {@link #randomAdapter(GptModel, LoraSpec, long)} with B drawn from N(0, std). */
  public static LoraWeights randomAdapter(GptModel model, LoraSpec spec, long seed, float std) {
    LoraWeights lora = LoraWeights.initialize(model.config(), spec, model.manager(), seed);
    for (LoraWeights.Pair pair : lora.pairs().values()) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray noise = pair.b().getManager().randomNormal(0, std, pair.b().getShape(),
            ai.djl.ndarray.types.DataType.FLOAT32);
        pair.b().addi(pair.mask() == null ? noise : noise.mul(pair.mask()));
      }
    }
    return lora;
  }

  /** Logits {@code [time, vocab]} flattened, for one sequence. */
  public static float[] logits(GptModel model, LoraDelta delta, int[] tokens) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return model.forward(model.tokens(new int[][] {tokens}), delta, null, false).toFloatArray();
    }
  }

  public static int[] sampleTokens() {
    return tokenizer().encode("the fox likes the old mat. the owl sees a red box.");
  }

  public static float maxAbsDifference(float[] a, float[] b) {
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
