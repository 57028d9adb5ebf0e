package io.augment.adapter.out.langchain4j;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LangChain4j's in-process encoder on our own ONNX session and thread pool. Its {@code embedAll}
 * embeds each text as one task on the executor (no padded batches), so throughput comes from one
 * task per core with a single ONNX thread each; ONNX's default of one thread per core inside
 * every task oversubscribes the CPU (measured 10-40% slower on 2 cores). One padded batch per ONNX
 * call was slower still.
 */
final class InProcessBertModel extends AbstractInProcessEmbeddingModel {
  private final OnnxBertBiEncoder encoder;

  InProcessBertModel(byte[] onnxModel, String tokenizerJson, PoolingMode pooling) {
    super(daemonPool(Runtime.getRuntime().availableProcessors()));
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      OrtSession session = environment.createSession(onnxModel, options);
      this.encoder = new OnnxBertBiEncoder(environment, session,
          new ByteArrayInputStream(tokenizerJson.getBytes(StandardCharsets.UTF_8)), pooling);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the ONNX model", e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  private static ExecutorService daemonPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "augment-embedding-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
