package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.augment.application.adaptation.FineTuneCommand;
import io.augment.application.adaptation.FineTuneOptions;
import io.augment.application.adaptation.ManageModels;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneDefaults;
import io.augment.domain.model.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@code POST /v1/fine_tuning/jobs} body read into a command: {@code model} (a base model, or a
 * {@code fine_tuned_model} to train further), {@code training_file},
 * {@code validation_file}, {@code suffix}, {@code seed} and the hyper-parameters, top-level (OpenAI's
 * legacy place) or under {@code method.supervised} (full fine-tuning) or {@code method.lora} (Augment's
 * extension, with {@code rank}, {@code alpha}, {@code dropout}, {@code target_modules}). {@code "auto"}
 * or absent takes the trainer's default; {@code learning_rate_multiplier} multiplies the trainer's
 * default rate for the method. Every refusal names the OpenAI request field ({@link #param}).
 *
 * @param command         what to start
 * @param hyperparameters where the hyper-parameters were given, e.g. {@code method.lora.hyperparameters}
 */
record FineTuningRequest(FineTuneCommand command, String hyperparameters) {
  private static final Map<String, String> HYPERPARAMETER = Map.of(
      "training.epochs", "n_epochs", "training.maxSteps", "n_epochs", "training.batchSize", "batch_size",
      "training.learningRate", "learning_rate_multiplier", "lora.rank", "rank", "lora.alpha", "alpha",
      "lora.dropout", "dropout", "lora.targetModules", "target_modules");
  private static final Map<String, String> TOP_LEVEL = Map.of(
      "baseModel", "model", "name", "suffix", "method", "method.type", "lora", "method", "texts", "training_file",
      "validation", "validation_file", "training.seed", "seed");

  static FineTuningRequest of(JsonNode body, Supplier<FineTuneDefaults> defaults) {
    if (body == null || !body.isObject()) {
      throw OpenAiException.invalid(null, "the request body must be a JSON object");
    }
    String model = text(body, "model", "model");
    if (model == null || model.isBlank()) {
      throw OpenAiException.invalid("model", "you must provide a model parameter");
    }
    if (model.startsWith(ManageModels.PREFIX)) { // a fine_tuned_model, trained further (as OpenAI allows)
      model = model.substring(ManageModels.PREFIX.length());
    }
    String trainingFile = text(body, "training_file", "training_file");
    if (trainingFile == null || trainingFile.isBlank()) {
      throw OpenAiException.invalid("training_file", "you must provide a training_file parameter");
    }
    String validationFile = text(body, "validation_file", "validation_file");
    String suffix = text(body, "suffix", "suffix");
    Long seed = integer(body, "seed", "seed");

    AdaptationMethod method = AdaptationMethod.FULL;
    String param = "hyperparameters";
    JsonNode hyper = body.get("hyperparameters");
    JsonNode m = body.get("method");
    if (m != null && !m.isNull()) {
      if (!m.isObject()) {
        throw OpenAiException.invalid("method", "'method' must be an object with a 'type'");
      }
      String type = text(m, "type", "method.type");
      String key;
      if ("supervised".equals(type)) {
        key = "supervised";
      } else if ("lora".equals(type)) {
        key = "lora";
        method = AdaptationMethod.LORA;
      } else {
        throw OpenAiException.invalid("method.type", type == null ? "'method.type' is required: supervised or lora"
            : "'method.type' must be supervised or lora (full or LoRA fine-tuning), got '" + type + "'");
      }
      JsonNode inner = m.get(key);
      if (inner != null && !inner.isNull()) {
        if (!inner.isObject()) {
          throw OpenAiException.invalid("method." + key, "'method." + key + "' must be an object");
        }
        JsonNode nested = inner.get("hyperparameters");
        if (nested != null && !nested.isNull()) {
          hyper = nested;
          param = "method." + key + ".hyperparameters";
        }
      }
    }
    if (hyper != null && !hyper.isNull() && !hyper.isObject()) {
      throw OpenAiException.invalid(param, "'" + param + "' must be an object");
    }
    if (hyper == null || hyper.isNull()) {
      hyper = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    Integer epochs = intOrAuto(hyper, param, "n_epochs");
    Integer batchSize = intOrAuto(hyper, param, "batch_size");
    Double multiplier = numberOrAuto(hyper, param, "learning_rate_multiplier");
    Double rate = null;
    if (multiplier != null) {
      if (!(multiplier > 0) || multiplier.isInfinite()) {
        throw OpenAiException.invalid(param + ".learning_rate_multiplier",
            "'learning_rate_multiplier' must be a number above 0 or 'auto'");
      }
      FineTuneDefaults d = defaults.get();
      rate = multiplier * (method == AdaptationMethod.LORA ? d.loraLearningRate() : d.fullLearningRate());
    }
    FineTuneOptions.Lora lora = null;
    if (method == AdaptationMethod.LORA) {
      lora = new FineTuneOptions.Lora(intOrAuto(hyper, param, "rank"), numberOrAuto(hyper, param, "alpha"),
          numberOrAuto(hyper, param, "dropout"), strings(hyper, param, "target_modules"));
    }
    FineTuneOptions.Training training = new FineTuneOptions.Training(epochs, null, batchSize, null, rate, seed);
    try {
      String name = FineTuneOptions.openAiName(suffix);
      return new FineTuningRequest(new FineTuneCommand(name, model, method, lora, training, null, null, trainingFile,
          validationFile, FineTuneCommand.Fields.OPENAI), param);
    } catch (InvalidInputException e) {
      throw invalid(e, param);
    }
  }

  /** The use case's refusal, naming the OpenAI field instead of Augment's. */
  OpenAiException invalid(InvalidInputException e) {
    return invalid(e, hyperparameters);
  }

  static OpenAiException invalid(InvalidInputException e, String hyperparameters) {
    String p = param(e.field(), hyperparameters);
    return OpenAiException.invalid(p, p == null ? e.reason() : p + ": " + e.reason());
  }

  /** Augment's field name as the OpenAI request spells it (unknown names are kept). */
  static String param(String field, String hyperparameters) {
    if (field == null) {
      return null;
    }
    String hyper = HYPERPARAMETER.get(field);
    if (hyper != null) {
      return hyperparameters + "." + hyper;
    }
    return TOP_LEVEL.getOrDefault(field, field);
  }

  private static String text(JsonNode node, String name, String param) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw OpenAiException.invalid(param, "'" + param + "' must be a string");
    }
    return value.asText();
  }

  private static Long integer(JsonNode node, String name, String param) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw OpenAiException.invalid(param, "'" + param + "' must be an integer");
    }
    return value.asLong();
  }

  private static Integer intOrAuto(JsonNode node, String prefix, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || "auto".equals(value.textValue())) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw OpenAiException.invalid(prefix + "." + name, "'" + name + "' must be an integer or 'auto'");
    }
    return value.asInt();
  }

  private static Double numberOrAuto(JsonNode node, String prefix, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || "auto".equals(value.textValue())) {
      return null;
    }
    if (!value.isNumber()) {
      throw OpenAiException.invalid(prefix + "." + name, "'" + name + "' must be a number or 'auto'");
    }
    return value.asDouble();
  }

  private static Set<String> strings(JsonNode node, String prefix, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || "auto".equals(value.textValue())) {
      return null;
    }
    if (!value.isArray()) {
      throw OpenAiException.invalid(prefix + "." + name, "'" + name + "' must be an array of module names");
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw OpenAiException.invalid(prefix + "." + name, "'" + name + "' must be an array of module names");
      }
      names.add(item.asText());
    }
    return names;
  }
}
