package io.augment.application.adaptation;

import io.augment.domain.adaptation.TrainingCorpus;
import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * The training texts of a knowledge base, the same data RAG answers from: one text per document
 * (its chunks in order, the chunker's overlaps removed).
 */
public final class KnowledgeBaseCorpus {
  private static final int PAGE = 200;
  static final int MIN_OVERLAP = 16;
  private static final int MAX_OVERLAP = 4000;

  private final KnowledgeBaseRepository knowledgeBases;
  private final DocumentRepository documents;

  public KnowledgeBaseCorpus(KnowledgeBaseRepository knowledgeBases, DocumentRepository documents) {
    this.knowledgeBases = knowledgeBases;
    this.documents = documents;
  }

  /** One text per document, in the repository's order; refused when there is none. */
  public List<String> texts(String knowledgeBase) {
    knowledgeBases.find(knowledgeBase).orElseThrow(() -> new NotFoundException("knowledge base", knowledgeBase));
    List<String> texts = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      List<Document> page = documents.findAll(knowledgeBase, offset, PAGE);
      for (Document document : page) {
        String text = join(documents.chunks(knowledgeBase, document.id()));
        if (!text.isBlank()) {
          texts.add(text);
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (texts.isEmpty()) {
      throw new InvalidInputException("knowledgeBase", "knowledge base '" + knowledgeBase + "' has no documents to train on");
    }
    TrainingCorpus.check("knowledgeBase", texts);
    return texts;
  }

  /**
   * The chunks' texts in order; where a chunk starts with at least {@value #MIN_OVERLAP} characters
   * the previous one ended with (the chunker's overlap), those appear once.
   */
  static String join(List<Chunk> chunks) {
    StringBuilder text = new StringBuilder();
    for (Chunk chunk : chunks) {
      String next = chunk.text();
      int overlap = overlap(text, next);
      if (!text.isEmpty() && overlap == 0) {
        text.append(' ');
      }
      text.append(next, overlap, next.length());
    }
    return text.toString();
  }

  private static int overlap(CharSequence before, String next) {
    int max = Math.min(MAX_OVERLAP, Math.min(before.length(), next.length()));
    String tail = before.subSequence(before.length() - max, before.length()).toString();
    for (int n = max; n >= MIN_OVERLAP; n--) {
      if (tail.endsWith(next.substring(0, n))) {
        return n;
      }
    }
    return 0;
  }
}
