package io.augment.adapter.out.openaitrainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment.domain.model.BackendUnavailableException;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The endpoints of OpenAI's files and fine-tuning API this adapter uses, with their answers mapped to domain errors. */
final class TrainerApi {
  /** Pages read at most per listing, so a remote that always says {@code has_more} cannot hold a poll forever. */
  private static final int MAX_PAGES = 50;
  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("model", "baseModel"), Map.entry("suffix", "name"), Map.entry("training_file", "texts"),
      Map.entry("validation_file", "validation"), Map.entry("n_epochs", "training.epochs"),
      Map.entry("batch_size", "training.batchSize"), Map.entry("learning_rate_multiplier", "training.learningRate"),
      Map.entry("seed", "training.seed"), Map.entry("rank", "lora.rank"), Map.entry("alpha", "lora.alpha"),
      Map.entry("dropout", "lora.dropout"), Map.entry("target_modules", "lora.targetModules"));

  private final TrainerHttp http;

  TrainerApi(TrainerHttp http) {
    this.http = http;
  }

  String backend() {
    return http.backend();
  }

  /**
   * Whether the remote serves {@code model}: {@code GET /models/{model}}, and on 404 or 405 the list
   * {@code GET /models} as well, for a server without the single-model route.
   */
  boolean modelExists(String model) {
    TrainerHttp.Answer answer = http.get("reading model " + model, "/models/" + segment(model));
    if (answer.status() != 404 && answer.status() != 405) {
      return expect(answer, "reading model " + model).path("id").isTextual();
    }
    TrainerHttp.Answer list = http.get("listing models", "/models");
    if (list.status() == 404 || list.status() == 405) {
      return false;
    }
    for (JsonNode listed : expect(list, "listing models").path("data")) {
      if (model.equals(listed.path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Uploads JSONL with purpose fine-tune; returns the file id. A refused line names {@code field}. */
  String upload(byte[] jsonl, String filename, String field) {
    String boundary = "augment-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(jsonl.length + 512);
    part(body, boundary, "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n", "fine-tune".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: application/jsonl\r\n\r\n", jsonl);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String operation = "upload of the " + field + " file";
    TrainerHttp.Answer answer = http.post(operation, "/files", body.toByteArray(),
        "multipart/form-data; boundary=" + boundary);
    if (answer.status() == 400 || answer.status() == 422) {
      throw new InvalidInputException(field, "the remote trainer refused the file: " + message(answer));
    }
    return text(expect(answer, operation), "id", operation);
  }

  void deleteFile(String id) {
    http.delete("deletion of file " + id, "/files/" + segment(id));
  }

  /** Creates a job; a refused setting is reported under the request's name for it. */
  JsonNode createJob(ObjectNode body) {
    TrainerHttp.Answer answer = http.postJson("creation of the fine-tuning job", "/fine_tuning/jobs", body);
    if (answer.status() == 404) {
      throw new NotFoundException("base model", body.path("model").asText());
    }
    if (answer.status() == 400 || answer.status() == 422) {
      String param = answer.errorParam();
      String field = param == null ? null : FIELDS.getOrDefault(param.substring(param.lastIndexOf('.') + 1), param);
      throw new InvalidInputException(field, "the remote trainer refused it: " + message(answer));
    }
    JsonNode job = expect(answer, "creation of the fine-tuning job");
    text(job, "id", "creation of the fine-tuning job");
    return job;
  }

  /** The job, or empty when the remote does not know it (404). */
  Optional<JsonNode> job(String remoteId) {
    TrainerHttp.Answer answer = http.get("reading job " + remoteId, "/fine_tuning/jobs/" + segment(remoteId));
    return answer.status() == 404 ? Optional.empty() : Optional.of(expect(answer, "reading job " + remoteId));
  }

  /** Asks the remote to cancel; a job it does not know or that already ended (404, 400, 409) is no error. */
  void cancel(String remoteId) {
    String operation = "cancellation of job " + remoteId;
    TrainerHttp.Answer answer = http.post(operation, "/fine_tuning/jobs/" + segment(remoteId) + "/cancel",
        new byte[0], "application/json");
    if (!List.of(400, 404, 409).contains(answer.status())) {
      expect(answer, operation);
    }
  }

  /** Events newer than {@code afterId} (all when null or no longer listed), oldest first. */
  List<JsonNode> eventsSince(String remoteId, String afterId) {
    return newerThan("/fine_tuning/jobs/" + segment(remoteId) + "/events", "reading events of " + remoteId, afterId,
        20, MAX_PAGES);
  }

  /** The newest ten checkpoints the remote keeps, oldest first. */
  List<JsonNode> checkpoints(String remoteId) {
    return newerThan("/fine_tuning/jobs/" + segment(remoteId) + "/checkpoints", "reading checkpoints of " + remoteId,
        null, 10, 1);
  }

  /** Deletes a model the remote made; false when it has no such model or cannot delete models (404, 405, 501). */
  boolean deleteModel(String model) {
    TrainerHttp.Answer answer = http.delete("deletion of model " + model, "/models/" + segment(model));
    if (List.of(404, 405, 501).contains(answer.status())) {
      return false;
    }
    expect(answer, "deletion of model " + model);
    return true;
  }

  /** Pages newest first (the {@code after} cursor goes to older items) until {@code stopAtId} or the end. */
  private List<JsonNode> newerThan(String path, String operation, String stopAtId, int limit, int pages) {
    List<JsonNode> newestFirst = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < pages; page++) {
      String query = "?limit=" + limit + (cursor == null ? "" : "&after=" + segment(cursor));
      JsonNode list = expect(http.get(operation, path + query), operation);
      JsonNode data = list.path("data");
      if (!data.isArray() || data.isEmpty()) {
        break;
      }
      for (JsonNode item : data) {
        if (stopAtId != null && stopAtId.equals(item.path("id").asText())) {
          Collections.reverse(newestFirst);
          return newestFirst;
        }
        newestFirst.add(item);
      }
      if (!list.path("has_more").asBoolean(false)) {
        break;
      }
      cursor = data.get(data.size() - 1).path("id").asText();
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  private JsonNode expect(TrainerHttp.Answer answer, String operation) {
    if (!answer.ok() || answer.body() == null || !answer.body().isObject()) {
      throw new BackendUnavailableException(http.backend(), operation + " failed: HTTP " + answer.status() + ": "
          + message(answer), null);
    }
    return answer.body();
  }

  private String text(JsonNode node, String field, String operation) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new BackendUnavailableException(http.backend(), operation + " answered without \"" + field + "\"", null);
    }
    return value.asText();
  }

  private String message(TrainerHttp.Answer answer) {
    return http.scrubbed(TrainerHttp.abbreviated(answer.errorMessage()));
  }

  private static void part(ByteArrayOutputStream out, String boundary, String head, byte[] content) {
    out.writeBytes(("--" + boundary + "\r\n" + head).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
