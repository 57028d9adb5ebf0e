package io.augment.application.ingest;

import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import java.util.List;

/** A parsed and chunked document waiting for its embeddings; {@code existing} is its stored version. */
record PreparedDocument(Document document, List<Chunk> chunks, Document existing) {}
