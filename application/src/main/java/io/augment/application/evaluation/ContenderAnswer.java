package io.augment.application.evaluation;

import io.augment.application.query.Citation;
import io.augment.domain.generation.TokenUsage;
import java.util.List;

/**
 * One contender's answer to one question, before scoring.
 *
 * @param contender the contender's label, e.g. {@code rag:handbook} or {@code adapter:lora}
 * @param generator id of the generator that answered (null when it failed before one was chosen)
 * @param text      the answer as generated; empty when it failed
 * @param rag       whether sources were retrieved (RAG) rather than answered closed book
 * @param citations the sources given to the generator, in rank order; empty for closed book
 * @param usage     tokens read and written; zero when it failed
 * @param latencyMs wall milliseconds spent answering (or failing)
 * @param error     why it could not answer, or null
 */
public record ContenderAnswer(
    String contender, String generator, String text, boolean rag, List<Citation> citations, TokenUsage usage,
    double latencyMs, String error) {
  public ContenderAnswer {
    citations = citations == null ? List.of() : List.copyOf(citations);
    usage = usage == null ? new TokenUsage(0, 0) : usage;
    text = text == null ? "" : text;
  }

  /** Document ids of the sources, in rank order, each once. */
  public List<String> retrievedDocuments() {
    return citations.stream().map(Citation::documentId).distinct().toList();
  }

  /** Document ids of the sources the answer cites ({@link Citation#cited()}), each once. */
  public List<String> citedDocuments() {
    return citations.stream().filter(Citation::cited).map(Citation::documentId).distinct().toList();
  }

  public boolean failed() {
    return error != null;
  }
}
