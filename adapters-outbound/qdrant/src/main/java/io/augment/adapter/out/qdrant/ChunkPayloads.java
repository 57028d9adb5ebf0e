package io.augment.adapter.out.qdrant;

import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;

import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.MetadataFilter;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A chunk as a Qdrant point payload: its fields to read back, and the fields filters run on. */
final class ChunkPayloads {

  /** The fields a search or scroll asks for; the filter fields are never read back. */
  static final List<String> CHUNK_FIELDS = List.of(PayloadFields.CHUNK_ID, PayloadFields.DOCUMENT_ID,
      PayloadFields.INDEX, PayloadFields.TITLE, PayloadFields.TEXT, PayloadFields.TOKEN_COUNT, PayloadFields.METADATA);

  private ChunkPayloads() {}

  static Map<String, Value> toPayload(Chunk chunk, long generation) {
    Map<String, Value> payload = new HashMap<>();
    payload.put(PayloadFields.CHUNK_ID, value(chunk.id()));
    payload.put(PayloadFields.DOCUMENT_ID, value(chunk.documentId()));
    payload.put(PayloadFields.INDEX, value(chunk.index()));
    if (chunk.title() != null) {
      payload.put(PayloadFields.TITLE, value(chunk.title()));
    }
    payload.put(PayloadFields.TEXT, value(chunk.text()));
    payload.put(PayloadFields.TOKEN_COUNT, value(chunk.tokenCount()));
    Map<String, Value> metadata = new HashMap<>();
    chunk.metadata().forEach((key, val) -> metadata.put(key, value(val)));
    payload.put(PayloadFields.METADATA, value(metadata));
    payload.put(PayloadFields.GENERATION, value(generation));
    chunk.metadata().forEach((key, val) -> {
      if (!key.equals(MetadataFilter.DOCUMENT_ID)) { // filters read that key as the document id
        putFilterFields(payload, key, val);
      }
    });
    putFilterFields(payload, MetadataFilter.DOCUMENT_ID, chunk.documentId());
    return payload;
  }

  static Chunk toChunk(Map<String, Value> payload) {
    Map<String, String> metadata = new LinkedHashMap<>();
    Struct stored = payload.getOrDefault(PayloadFields.METADATA, Value.getDefaultInstance()).getStructValue();
    stored.getFieldsMap().forEach((key, val) -> metadata.put(key, val.getStringValue()));
    Value title = payload.get(PayloadFields.TITLE);
    return new Chunk(
        payload.get(PayloadFields.CHUNK_ID).getStringValue(),
        payload.get(PayloadFields.DOCUMENT_ID).getStringValue(),
        (int) payload.get(PayloadFields.INDEX).getIntegerValue(),
        title == null || title.hasNullValue() ? null : title.getStringValue(),
        payload.get(PayloadFields.TEXT).getStringValue(),
        (int) payload.get(PayloadFields.TOKEN_COUNT).getIntegerValue(),
        metadata);
  }

  /** Splits like {@link MetadataFilter.AnyOf}, so both sides agree on what an element is. */
  private static void putFilterFields(Map<String, Value> payload, String key, String val) {
    payload.put(PayloadFields.value(key), value(val));
    payload.put(PayloadFields.elements(key),
        list(Arrays.stream(val.split(",")).map(e -> value(e.strip())).toList()));
    long[] groups = PayloadFields.rankGroups(val, PayloadFields.MAX_RANK_GROUPS);
    for (int g = 0; g < groups.length; g++) {
      payload.put(PayloadFields.rank(key, g), value(groups[g]));
    }
  }
}
