package io.augment.adapter.out.langchain4j;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.augment.domain.model.EmbeddingSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An ONNX BERT model shipped inside a LangChain4j jar, loaded with our own truncation length.
 *
 * <p>Why not LangChain4j's ready-made class: its {@code OnnxBertBiEncoder} keeps the truncation of
 * the bundled tokenizer.json, which for all-MiniLM-L6-v2 is 128 word pieces, so everything past the
 * 126th piece is silently dropped. (Its own splitting of inputs over 510 pieces into windows whose
 * vectors it averages is never reached through that tokenizer, nor through ours: we truncate at
 * most at 512.) Here the truncation is set to the length we report in {@link EmbeddingSpec}, so
 * {@link WordPieceTokenizer#count} tells callers exactly what the model reads.
 */
enum BundledBertModel {
  ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN),
  BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", PoolingMode.CLS),
  /** The same model with int8 weights: about 4x smaller. */
  BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
      PoolingMode.CLS);

  /** BERT's position embeddings: no input may be longer. */
  private static final int MAX_POSITIONS = 512;

  private final String modelId;
  private final String onnxResource;
  private final String tokenizerResource;
  private final PoolingMode pooling;

  BundledBertModel(String modelId, String onnxResource, String tokenizerResource, PoolingMode pooling) {
    this.modelId = modelId;
    this.onnxResource = onnxResource;
    this.tokenizerResource = tokenizerResource;
    this.pooling = pooling;
  }

  LangChain4jEmbeddingModel load(int maxInputTokens) {
    if (maxInputTokens < 3 || maxInputTokens > MAX_POSITIONS) {
      throw new IllegalArgumentException("maxInputTokens must be 3 to " + MAX_POSITIONS + ", was " + maxInputTokens);
    }
    String tokenizerJson = tokenizerJson(maxInputTokens);
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(tokenizerJson);
    InProcessBertModel model = new InProcessBertModel(read(onnxResource), tokenizerJson, pooling);
    EmbeddingSpec spec = new EmbeddingSpec(modelId, model.dimension(), tokenizer.maxLength());
    return new LangChain4jEmbeddingModel(model, spec, tokenizer::count, tokenizer.specialTokens());
  }

  /** The model's tokenizer.json with its truncation set to {@code maxInputTokens}. */
  String tokenizerJson(int maxInputTokens) {
    return TokenizerJson.truncatingAt(new String(read(tokenizerResource), StandardCharsets.UTF_8), maxInputTokens);
  }

  private static byte[] read(String resource) {
    try (InputStream in = BundledBertModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath; is the model's jar missing?");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
