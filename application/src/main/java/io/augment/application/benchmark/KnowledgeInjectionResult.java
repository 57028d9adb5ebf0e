package io.augment.application.benchmark;

import io.augment.domain.evaluation.EvaluationRun;
import java.util.List;

/**
 * What one benchmark run found.
 *
 * @param spec          what was run
 * @param baseModel     the base model (trained here or reused)
 * @param quality       the base model's quality checks, made before anything else is compared
 * @param knowledgeBase the knowledge base holding world B's documents
 * @param ingestMillis  milliseconds to ingest world B's documents into it
 * @param documents     world B documents ingested
 * @param injected      the fine-tuned models, in contender order
 * @param run           the finished evaluation run (world B eval questions; world A's as control set)
 * @param oneMoreFact   the cost of adding one more person afterwards
 * @param seconds       wall-clock seconds of the whole protocol
 */
public record KnowledgeInjectionResult(KnowledgeInjectionSpec spec, TrainedModel baseModel,
    BaseModelQuality.Result quality, String knowledgeBase, double ingestMillis, int documents,
    List<TrainedModel> injected, EvaluationRun run, OneMoreFact oneMoreFact, double seconds) {

  /**
   * The cost of one more fact (a new person's document) once everything is in place.
   *
   * @param ragIngestMillis milliseconds to ingest its document into the knowledge base
   * @param loraSeconds     seconds of the LoRA training run on it (same settings as the injection runs)
   * @param fullSeconds     seconds of the full fine-tuning run on it
   */
  public record OneMoreFact(double ragIngestMillis, double loraSeconds, double fullSeconds) {}
}
