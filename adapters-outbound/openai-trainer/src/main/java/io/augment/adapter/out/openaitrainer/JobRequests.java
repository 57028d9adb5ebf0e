package io.augment.adapter.out.openaitrainer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.domain.adaptation.LoraSettings;
import io.augment.domain.adaptation.TrainingExample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Renders a {@link FineTuneRequest} in the wire format: examples as JSONL, the job as its create body. */
final class JobRequests {
  private JobRequests() {}

  /** One line per example: {@code {"messages":[...]}}, {@code {"prompt","completion"}} or {@code {"text"}}. */
  static byte[] jsonl(List<TrainingExample> examples) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (TrainingExample example : examples) {
        out.write(TrainerHttp.JSON.writeValueAsBytes(line(example)));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static ObjectNode line(TrainingExample example) {
    ObjectNode line = TrainerHttp.JSON.createObjectNode();
    if (example instanceof TrainingExample.Chat chat) {
      ArrayNode messages = line.putArray("messages");
      chat.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
    } else if (example instanceof TrainingExample.PromptCompletion pair) {
      line.put("prompt", pair.prompt()).put("completion", pair.completion());
    } else {
      line.put("text", example.text());
    }
    return line;
  }

  /**
   * The {@code POST /fine_tuning/jobs} body. Hyper-parameters go in {@code method} (the legacy top-level
   * place is not used): {@code supervised} for full fine-tuning, Augment's {@code lora} extension for LoRA;
   * {@code learning_rate_multiplier} is the request's rate over the trainer's default for the method.
   */
  static ObjectNode createBody(FineTuneRequest request, String trainingFile, String validationFile,
      FineTuneDefaults defaults) {
    ObjectNode body = TrainerHttp.JSON.createObjectNode();
    body.put("model", request.baseModel()).put("training_file", trainingFile);
    if (validationFile != null) {
      body.put("validation_file", validationFile);
    }
    String suffix = suffix(request.name());
    if (!suffix.isEmpty()) {
      body.put("suffix", suffix);
    }
    body.put("seed", request.training().seed());
    boolean lora = request.method() == AdaptationMethod.LORA;
    double defaultRate = lora ? defaults.loraLearningRate() : defaults.fullLearningRate();
    ObjectNode method = body.putObject("method").put("type", lora ? "lora" : "supervised");
    ObjectNode hyper = method.putObject(lora ? "lora" : "supervised").putObject("hyperparameters")
        .put("n_epochs", request.training().epochs())
        .put("batch_size", request.training().batchSize())
        .put("learning_rate_multiplier", request.training().learningRate() / defaultRate);
    if (lora) {
      LoraSettings settings = request.lora();
      hyper.put("rank", settings.rank()).put("alpha", settings.alpha()).put("dropout", settings.dropout());
      ArrayNode targets = hyper.putArray("target_modules");
      settings.targetModules().stream().sorted().forEach(targets::add);
    }
    return body;
  }

  /** The name in the suffix's alphabet: lower case, {@code [a-z0-9-]}, at most 40 characters; may be empty. */
  static String suffix(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
    s = s.replaceAll("^-+", "");
    if (s.length() > 40) {
      s = s.substring(0, 40);
    }
    return s.replaceAll("-+$", "");
  }
}
