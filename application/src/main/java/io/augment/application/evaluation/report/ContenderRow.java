package io.augment.application.evaluation.report;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.Scores;
import io.augment.domain.model.InvalidInputException;

/**
 * One contender of a run as a report shows it: its result, what kind it is (RAG, trained,
 * generator) and, for a trained model, the model it was trained from.
 *
 * @param baseModel the trained model's base model, or null when not a trained model or not known
 */
record ContenderRow(ContenderResult result, Contender contender, String baseModel) {

  static Contender parse(String label) {
    try {
      return Contender.parse("contender", label);
    } catch (InvalidInputException e) {
      return null; // a label this version cannot read: shown, but nothing is assumed about its kind
    }
  }

  String label() {
    return result.contender();
  }

  Scores scores() {
    return result.scores();
  }

  Scores control() {
    return result.control();
  }

  ContenderCost cost() {
    return result.cost() == null ? ContenderCost.UNKNOWN : result.cost();
  }

  /** Retrieval applies (recall, MRR, citations, ingest, index); true when the kind is unknown. */
  boolean rag() {
    return contender == null || contender.rag();
  }

  /** Training applies (a trained model generates); true when the kind is unknown. */
  boolean trained() {
    return contender == null || contender.adapter() != null;
  }

  /** RAG read by a generator, no trained model: nothing was trained, no trained artifact exists. */
  boolean ragAlone() {
    return contender != null && contender.rag() && contender.adapter() == null;
  }

  /** The trained model alone, closed book ({@code adapter:<name>}), or null. */
  String closedBookModel() {
    return contender != null && !contender.rag() ? contender.adapter() : null;
  }
}
