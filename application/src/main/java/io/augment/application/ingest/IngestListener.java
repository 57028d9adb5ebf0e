package io.augment.application.ingest;

/** Told of every document an ingest handled, whatever the outcome (e.g. to count them). */
@FunctionalInterface
public interface IngestListener {
  IngestListener NONE = (knowledgeBase, result) -> {};

  void ingested(String knowledgeBase, IngestResult result);
}
