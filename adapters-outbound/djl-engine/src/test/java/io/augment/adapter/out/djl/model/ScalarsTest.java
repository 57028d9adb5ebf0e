package io.augment.adapter.out.djl.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.augment.adapter.out.djl.HuggingFaceFolders;
import io.augment.adapter.out.djl.TinyModels;
import io.augment.adapter.out.djl.train.Trainer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DJL's {@code x.mul(2f)} hands autograd a tensor over a Java buffer that is freed once collected;
 * gradients then read reused memory. The model's scalars must not depend on that buffer.
 */
class ScalarsTest {
  @Test
  void gradientsStayExactWhenTheCollectorRunsBetweenForwardAndBackward() {
    try (NDManager manager = TinyModels.manager()) {
      GptModel model = GptWeights.initialize(HuggingFaceFolders.gpt2Config(), manager, 3);
      LoraWeights lora = TinyModels.randomAdapter(model, TinyModels.spec(4, "all-linear"), 4);
      lora.parameters().forEach(p -> p.setRequiresGradient(true));

      float[] undisturbed = gradients(model, lora, false);
      float[] disturbed = gradients(model, lora, true);

      assertThat(disturbed).containsExactly(undisturbed);
    }
  }

  private static float[] gradients(GptModel model, LoraWeights lora, boolean churn) {
    int[] row = Arrays.copyOf(TinyModels.sampleTokens(), 17);
    try (NDScope scope = new NDScope(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      scope.suppressNotUsedWarning();
      NDArray logits = model.forward(model.tokens(new int[][] {Arrays.copyOf(row, 16)}), lora.trainingDelta(), null,
          false);
      NDArray loss = Trainer.crossEntropy(logits, model.tokens(new int[][] {Arrays.copyOfRange(row, 1, 17)}));
      if (churn) {
        reuseFreedNativeMemory();
      }
      collector.backward(loss);
      List<Float> values = new ArrayList<>();
      for (NDArray parameter : lora.parameters()) {
        for (float v : parameter.getGradient().toFloatArray()) {
          values.add(v);
        }
        JniUtils.zeroGrad((PtNDArray) parameter);
      }
      float[] out = new float[values.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = values.get(i);
      }
      return out;
    }
  }

  private static void reuseFreedNativeMemory() {
    System.gc();
    List<ByteBuffer> junk = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      junk.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1000f + i));
    }
    junk.clear();
  }
}
