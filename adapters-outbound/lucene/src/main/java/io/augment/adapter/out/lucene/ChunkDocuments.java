package io.augment.adapter.out.lucene;

import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.EmbeddedChunk;
import io.augment.domain.retrieval.MetadataFilter;
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
  /** Prefix of the fields holding each comma-separated element of a metadata value, for AnyOf. */
  static final String LIST = "list.";
  /** The elements of the document id; starts with neither prefix, so no metadata key reaches it. */
  static final String DOCUMENT_ID_ELEMENTS = "documentId.elements";

  private ChunkDocuments() {}

  static Document toDocument(EmbeddedChunk embedded) {
    Chunk chunk = embedded.chunk();
    Document doc = new Document();
    doc.add(new StoredField(ID, chunk.id()));
    doc.add(new StringField(DOCUMENT_ID, chunk.documentId(), Field.Store.YES));
    addElements(doc, DOCUMENT_ID_ELEMENTS, chunk.documentId());
    doc.add(new StoredField(INDEX, chunk.index()));
    if (chunk.title() != null) {
      doc.add(new StoredField(TITLE, chunk.title()));
    }
    doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
    doc.add(new StoredField(TOKEN_COUNT, chunk.tokenCount()));
    chunk.metadata().forEach((key, value) -> {
      doc.add(new StoredField(META + key, value));
      addTerm(doc, META + key, value);
      addElements(doc, LIST + key, value);
    });
    doc.add(new KnnFloatVectorField(VECTOR, embedded.vector(), VectorSimilarityFunction.COSINE));
    return doc;
  }

  /** The field whose terms are the whole values of {@code key} (a metadata key or the document id). */
  static String exactField(String key) {
    return MetadataFilter.DOCUMENT_ID.equals(key) ? DOCUMENT_ID : META + key;
  }

  /** The field whose terms are the list elements of the values of {@code key}. */
  static String elementsField(String key) {
    return MetadataFilter.DOCUMENT_ID.equals(key) ? DOCUMENT_ID_ELEMENTS : LIST + key;
  }

  /** Split and trimmed exactly as {@link MetadataFilter.AnyOf} does. */
  private static void addElements(Document doc, String field, String value) {
    for (String element : value.split(",")) {
      addTerm(doc, field, element.strip());
    }
  }

  /** Lucene refuses terms over its limit; such values cannot be filtered on. */
  private static void addTerm(Document doc, String field, String value) {
    if (value.getBytes(StandardCharsets.UTF_8).length <= IndexWriter.MAX_TERM_LENGTH) {
      doc.add(new StringField(field, value, Field.Store.NO));
    }
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
