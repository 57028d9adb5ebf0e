package io.augment.adapter.in.openai;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** OpenAI's model object: {@code {"id", "object": "model", "created", "owned_by"}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelJson(String id, String object, long created, String ownedBy) {
  static final String OWNER = "augment";

  static ModelJson of(String id, long created) {
    return new ModelJson(id, "model", created, OWNER);
  }

  /** {@code GET /v1/models}: {@code {"object": "list", "data": [...]}}. */
  public record ListJson(String object, List<ModelJson> data) {
    static ListJson of(List<ModelJson> models) {
      return new ListJson("list", models);
    }
  }
}
