package io.augment.application.adaptation;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.TrainingCorpus;
import io.augment.domain.model.InvalidInputException;
import java.util.List;

/**
 * A fine-tuning job as an API asks for it: the training data from exactly one of a knowledge base,
 * given texts or an uploaded training file; settings left out take the trainer's defaults.
 *
 * @param name           name of the resulting model or adapter
 * @param baseModel      the model to start from; null or blank takes the trainer's default
 * @param method         full or LoRA
 * @param lora           LoRA settings, each optional
 * @param training       optimiser settings, each optional
 * @param knowledgeBase  train on every document of this knowledge base, or null
 * @param texts          train on these texts, or null
 * @param trainingFile   train on this uploaded file's examples, or null
 * @param validationFile measure validation loss on this uploaded file's examples, or null
 * @param fields         how the caller's API spells these fields in errors
 */
public record FineTuneCommand(
    String name, String baseModel, AdaptationMethod method, FineTuneOptions.Lora lora, FineTuneOptions.Training training,
    String knowledgeBase, List<String> texts, String trainingFile, String validationFile, Fields fields) {

  /** Field names of the caller's API: Augment's REST and gRPC, or OpenAI's. */
  public record Fields(String baseModel, String trainingFile, String validationFile) {
    public static final Fields AUGMENT = new Fields("baseModel", "trainingFile", "validationFile");
    public static final Fields OPENAI = new Fields("model", "training_file", "validation_file");
  }

  public FineTuneCommand {
    fields = fields == null ? Fields.AUGMENT : fields;
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    if (method == null) {
      throw new InvalidInputException("method", "is required: full or lora");
    }
    boolean fromKb = knowledgeBase != null && !knowledgeBase.isBlank();
    boolean fromTexts = texts != null && !texts.isEmpty();
    boolean fromFile = trainingFile != null && !trainingFile.isBlank();
    if (fromTexts) {
      TrainingCorpus.check("texts", texts);
    }
    int sources = (fromKb ? 1 : 0) + (fromTexts ? 1 : 0) + (fromFile ? 1 : 0);
    if (sources > 1) {
      throw new InvalidInputException(fromFile ? fields.trainingFile() : "knowledgeBase",
          "give one of a knowledge base, texts or a training file to train on, not several");
    }
    if (sources == 0) {
      throw new InvalidInputException(fields == Fields.OPENAI ? fields.trainingFile()
          : texts != null ? "texts" : "knowledgeBase", "give a knowledge base, texts or a training file to train on");
    }
    if (validationFile != null && validationFile.isBlank()) {
      validationFile = null;
    }
    texts = fromTexts ? List.copyOf(texts) : null;
    knowledgeBase = fromKb ? knowledgeBase : null;
    trainingFile = fromFile ? trainingFile : null;
  }
}
