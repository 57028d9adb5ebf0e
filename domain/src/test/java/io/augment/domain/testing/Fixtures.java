package io.augment.domain.testing;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.model.Document;
import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.model.KnowledgeBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Knowledge bases, documents and their chunks with plausible values, for the persistence suites. */
public final class Fixtures {
  /** Millisecond precision, so it survives every store's timestamp column unchanged. */
  public static final Instant CREATED_AT = Instant.parse("2024-05-01T10:15:30.123Z");

  public static final Instant INGESTED_AT = Instant.parse("2024-05-02T08:00:00.456Z");

  public static final EmbeddingSpec EMBEDDING = new EmbeddingSpec("all-minilm-l6-v2", 384, 256);

  private Fixtures() {}

  /** A knowledge-base name no other test uses, even across reruns against a shared database. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static KnowledgeBase knowledgeBase(String name) {
    return new KnowledgeBase(name, "About " + name, EMBEDDING, ChunkingSettings.DEFAULT, 0, CREATED_AT);
  }

  /** A document of three chunks with two metadata entries. */
  public static Document document(KnowledgeBase knowledgeBase, String id) {
    return document(knowledgeBase.name(), id, 3, Map.of("source", "tests", "lang", "en"));
  }

  public static Document document(String knowledgeBase, String id, int chunkCount, Map<String, String> metadata) {
    return new Document(
        knowledgeBase, id, "Title of " + id, "text/markdown", hashOf(id), metadata, chunkCount, chunkCount * 10L,
        INGESTED_AT);
  }

  /** The document's {@code chunkCount} chunks, carrying its title and metadata, in index order. */
  public static List<Chunk> chunks(Document document) {
    List<Chunk> chunks = new ArrayList<>();
    for (int index = 0; index < document.chunkCount(); index++) {
      chunks.add(chunk(document, index, "Text " + index + " of " + document.id() + " in " + document.knowledgeBase()));
    }
    return chunks;
  }

  public static Chunk chunk(Document document, int index, String text) {
    return new Chunk(
        Chunk.idOf(document.id(), index), document.id(), index, document.title(), text, 10, document.metadata());
  }

  /** A hex string shaped like the SHA-256 the ingest pipeline stores. */
  public static String hashOf(String seed) {
    return String.format("%064x", seed.hashCode() & 0xffffffffL);
  }
}
