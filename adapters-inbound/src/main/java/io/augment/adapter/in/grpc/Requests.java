package io.augment.adapter.in.grpc;

import io.augment.adapter.in.grpc.v1.CreateKnowledgeBaseRequest;
import io.augment.adapter.in.grpc.v1.DocumentInput;
import io.augment.adapter.in.grpc.v1.FilterCondition;
import io.augment.adapter.in.grpc.v1.QueryRequest;
import io.augment.adapter.in.grpc.v1.SearchRequest;
import io.augment.application.ingest.IngestCommand;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.application.query.QueryCommand;
import io.augment.application.retrieval.RetrievalOptions;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.retrieval.MetadataFilter;
import io.augment.domain.retrieval.RetrievalMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Turns request messages into use-case commands, with the REST API's defaults. */
final class Requests {
  static final int DEFAULT_TOP_K = 5;

  private Requests() {}

  static CreateKnowledgeBaseCommand create(CreateKnowledgeBaseRequest r) {
    if (r.getName().isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    ChunkingSettings d = ChunkingSettings.DEFAULT;
    ChunkingSettings chunking = !r.hasChunkSizeTokens() && !r.hasChunkOverlapTokens() ? null
        : new ChunkingSettings(r.hasChunkSizeTokens() ? r.getChunkSizeTokens() : d.chunkSizeTokens(),
            r.hasChunkOverlapTokens() ? r.getChunkOverlapTokens() : d.overlapTokens());
    return new CreateKnowledgeBaseCommand(r.getName(), r.getDescription(), orNull(r.getEmbeddingModel()), chunking,
        RetrievalMode.parse("retrievalMode", r.getRetrievalMode()));
  }

  /** {@code field} prefixes the field named in errors, e.g. {@code documents[2].}. */
  static IngestCommand document(DocumentInput d, String field) {
    if (d.getText().isBlank()) {
      throw new InvalidInputException(field + "text", "must not be empty");
    }
    try {
      String mediaType = d.getMediaType().isBlank() ? "text/plain" : d.getMediaType();
      return new IngestCommand(orNull(d.getId()), orNull(d.getTitle()), mediaType,
          d.getText().getBytes(StandardCharsets.UTF_8), d.getMetadataMap());
    } catch (InvalidInputException e) {
      throw field.isEmpty() ? e : e.withField(field + e.field());
    }
  }

  static QueryCommand search(SearchRequest r) {
    return new QueryCommand(r.getKnowledgeBase(), r.getQuery(), r.hasTopK() ? r.getTopK() : DEFAULT_TOP_K,
        filter(r.getFilterMap()), null, RetrievalOptions.of(r.getMode(), r.getHyde(),
            r.hasQueryVariants() ? r.getQueryVariants() : null, r.getRerank(), r.hasCandidates() ? r.getCandidates() : null));
  }

  static QueryCommand query(QueryRequest r) {
    GenerationOptions options = new GenerationOptions(
        r.hasMaxTokens() ? r.getMaxTokens() : GenerationOptions.DEFAULT.maxTokens(),
        r.hasTemperature() ? r.getTemperature() : 0.0, 1.0, List.of(), null);
    return new QueryCommand(r.getKnowledgeBase(), r.getQuestion(), r.hasTopK() ? r.getTopK() : DEFAULT_TOP_K,
        filter(r.getFilterMap()), options, RetrievalOptions.of(r.getMode(), r.getHyde(),
            r.hasQueryVariants() ? r.getQueryVariants() : null, r.getRerank(), r.hasCandidates() ? r.getCandidates() : null));
  }

  static String orNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static MetadataFilter filter(Map<String, FilterCondition> conditions) {
    if (conditions.isEmpty()) {
      return MetadataFilter.ALL;
    }
    List<MetadataFilter> parts = new ArrayList<>();
    conditions.forEach((key, c) -> parts.add(condition(key, c)));
    return MetadataFilter.and(parts);
  }

  private static MetadataFilter condition(String key, FilterCondition c) {
    boolean values = c.getValuesCount() > 0;
    boolean anyOf = c.getAnyOfCount() > 0;
    boolean range = c.hasFrom() || c.hasTo();
    if ((values ? 1 : 0) + (anyOf ? 1 : 0) + (range ? 1 : 0) != 1) {
      throw new InvalidInputException("filter." + key, "set exactly one of values, any_of, or from and/or to");
    }
    if (values) {
      return MetadataFilter.in(key, new LinkedHashSet<>(c.getValuesList()));
    }
    if (anyOf) {
      return MetadataFilter.anyOf(key, new LinkedHashSet<>(c.getAnyOfList()));
    }
    return MetadataFilter.range(key, c.hasFrom() ? c.getFrom() : null, c.hasTo() ? c.getTo() : null);
  }
}
