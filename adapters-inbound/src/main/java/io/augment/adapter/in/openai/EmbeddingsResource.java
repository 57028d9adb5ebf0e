package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.adapter.in.Access;
import io.augment.domain.model.AugmentException;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.tenant.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path(OpenAiPaths.ROOT + "/embeddings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OpenAI-compatible")
public class EmbeddingsResource {
  /** OpenAI's limit on inputs per request. */
  static final int MAX_INPUTS = 2048;
  /**
   * More characters per token than any text the models read averages (English is about 4, base64
   * about 2.5): an input longer than this many characters per readable token is refused without
   * tokenizing it.
   */
  static final int MAX_CHARS_PER_TOKEN = 32;
  /** Characters over all inputs of one request. */
  static final int MAX_TOTAL_CHARS = 1_000_000;

  private final ModelCatalog models;
  private final SelfCallGuard selfCalls;

  public EmbeddingsResource(ModelCatalog models, SelfCallGuard selfCalls) {
    this.models = models;
    this.selfCalls = selfCalls;
  }

  @POST
  @Operation(summary = "OpenAI embeddings with the knowledge bases' embedding model",
      description = "Vectors are L2-normalised. An input longer than the model reads is refused, not truncated: "
          + "at most 2048 inputs and 1,000,000 characters per request, each input at most 32 characters per token "
          + "the model reads (checked before tokenizing), then at most the model's token limit.")
  @Access(Scope.READ)
  public EmbeddingJson.Response create(EmbeddingJson.Request request, @HeaderParam(SelfCallGuard.HEADER) String caller) {
    if (request == null) {
      throw OpenAiException.invalid(null, "the request body must be a JSON object");
    }
    EmbeddingModel model = models.embedding(request.model());
    selfCalls.checkEmbedding(caller, model.spec().modelId());
    boolean base64 = encoding(request.encodingFormat());
    if (request.dimensions() != null && request.dimensions() != model.spec().dimension()) {
      throw OpenAiException.invalid("dimensions", "model '" + model.spec().modelId() + "' only gives "
          + model.spec().dimension() + " dimensions");
    }
    List<String> inputs = inputs(request.input());
    boolean array = request.input().isArray();
    int limit = model.spec().maxInputTokens() - model.specialTokens();
    checkLengths(inputs, array, model.spec().modelId(), limit);
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      int count = model.countTokens(inputs.get(i));
      if (count > limit) {
        throw new OpenAiException(400, param(array, i) + " is " + count + " tokens; model '" + model.spec().modelId()
            + "' reads at most " + limit, param(array, i), "context_length_exceeded");
      }
      tokens += count;
    }
    List<float[]> vectors = model.embedAll(inputs);
    List<EmbeddingJson.Item> data = new ArrayList<>();
    for (float[] v : vectors) {
      data.add(new EmbeddingJson.Item("embedding", data.size(), base64 ? base64(v) : v));
    }
    return new EmbeddingJson.Response("list", data, model.spec().modelId(), new EmbeddingJson.Usage(tokens, tokens));
  }

  @ServerExceptionMapper
  public Response useCaseFailure(AugmentException e) {
    return OpenAiException.from(e).response();
  }

  /** Refuses, before any tokenizing, inputs too long to be within {@code limit} tokens, and too much text in all. */
  private static void checkLengths(List<String> inputs, boolean array, String modelId, int limit) {
    long maxChars = (long) limit * MAX_CHARS_PER_TOKEN;
    long total = 0;
    for (int i = 0; i < inputs.size(); i++) {
      int length = inputs.get(i).length();
      if (length > maxChars) {
        throw new OpenAiException(400, param(array, i) + " is " + length + " characters; model '" + modelId
            + "' reads at most " + limit + " tokens, so inputs may be at most " + maxChars + " characters",
            param(array, i), "context_length_exceeded");
      }
      total += length;
    }
    if (total > MAX_TOTAL_CHARS) {
      throw OpenAiException.invalid("input", "'input' holds " + total + " characters in all; at most "
          + MAX_TOTAL_CHARS + " per request");
    }
  }

  /** {@code input} for a single string, else {@code input[i]}. */
  private static String param(boolean array, int i) {
    return array ? "input[" + i + "]" : "input";
  }

  private static boolean encoding(String format) {
    if (format == null || format.equals("float")) {
      return false;
    }
    if (format.equals("base64")) {
      return true;
    }
    throw OpenAiException.invalid("encoding_format", "'encoding_format' must be 'float' or 'base64'");
  }

  private static List<String> inputs(JsonNode input) {
    if (input != null && input.isTextual()) {
      return List.of(nonEmpty(input.asText(), "input"));
    }
    if (input == null || !input.isArray() || input.isEmpty()) {
      throw OpenAiException.invalid("input", "'input' must be a non-empty string or a non-empty array of strings");
    }
    if (input.size() > MAX_INPUTS) {
      throw OpenAiException.invalid("input", "'input' holds " + input.size() + " items; at most " + MAX_INPUTS);
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : input) {
      if (!item.isTextual()) {
        throw OpenAiException.invalid("input", "'input' items must be strings; token arrays are not supported");
      }
      texts.add(nonEmpty(item.asText(), "input[" + texts.size() + "]"));
    }
    return texts;
  }

  private static String nonEmpty(String text, String param) {
    if (text.isEmpty()) {
      throw OpenAiException.invalid(param, "'" + param + "' must not be empty");
    }
    return text;
  }

  private static String base64(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
