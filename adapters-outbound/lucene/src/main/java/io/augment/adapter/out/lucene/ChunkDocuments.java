package io.augment.adapter.out.lucene;

import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.EmbeddedChunk;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Maps a chunk to one Lucene document and back. Every chunk field is stored; filters use indexed terms. */
final class ChunkDocuments {

  static final String ID = "id";
  static final String DOCUMENT_ID = "documentId";
  static final String INDEX = "index";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String TOKEN_COUNT = "tokenCount";
  static final String VECTOR = "vector";
  /** Prefix of metadata fields, so a metadata key can never clash with a chunk field. */
  static final String META = "meta.";

  private ChunkDocuments() {}

  static Document toDocument(EmbeddedChunk embedded) {
    Chunk chunk = embedded.chunk();
    Document doc = new Document();
    doc.add(new StoredField(ID, chunk.id()));
    doc.add(new StringField(DOCUMENT_ID, chunk.documentId(), Field.Store.YES));
    doc.add(new StoredField(INDEX, chunk.index()));
    if (chunk.title() != null) {
      doc.add(new StoredField(TITLE, chunk.title()));
    }
    doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
    doc.add(new StoredField(TOKEN_COUNT, chunk.tokenCount()));
    chunk.metadata().forEach((key, value) -> {
      doc.add(new StoredField(META + key, value));
      if (value.getBytes(StandardCharsets.UTF_8).length <= IndexWriter.MAX_TERM_LENGTH) {
        doc.add(new StringField(META + key, value, Field.Store.NO));
      }
    });
    doc.add(new KnnFloatVectorField(VECTOR, embedded.vector(), VectorSimilarityFunction.COSINE));
    return doc;
  }

  static Chunk toChunk(Document doc) {
    Map<String, String> metadata = new HashMap<>();
    for (IndexableField field : doc.getFields()) {
      if (field.name().startsWith(META)) {
        metadata.put(field.name().substring(META.length()), field.stringValue());
      }
    }
    return new Chunk(
        doc.get(ID),
        doc.get(DOCUMENT_ID),
        doc.getField(INDEX).numericValue().intValue(),
        doc.get(TITLE),
        doc.get(TEXT),
        doc.getField(TOKEN_COUNT).numericValue().intValue(),
        metadata);
  }
}
