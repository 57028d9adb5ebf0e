package io.augment.application.evaluation;

import io.augment.application.generation.Generators;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.model.InvalidInputException;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.KnowledgeBaseRepository;

/** Refuses a contender whose knowledge base, trained model or generator this deployment does not have. */
public final class ContenderCheck {
  private final KnowledgeBaseRepository knowledgeBases;
  private final AdapterCatalog adapters;
  private final Generators generators;

  /** @param adapters the trained models, or null when the local engine is off (then adapter contenders are refused) */
  public ContenderCheck(KnowledgeBaseRepository knowledgeBases, AdapterCatalog adapters, Generators generators) {
    this.knowledgeBases = knowledgeBases;
    this.adapters = adapters;
    this.generators = generators;
  }

  /**
   * @throws NotFoundException     naming {@code field} (e.g. {@code contenders[2]}) for what is missing
   * @throws InvalidInputException naming {@code field} for a trained model while the local engine is off
   */
  public Contender check(String field, Contender contender) {
    if (contender.knowledgeBase() != null && knowledgeBases.find(contender.knowledgeBase()).isEmpty()) {
      throw new NotFoundException(field + ": knowledge base", contender.knowledgeBase());
    }
    if (contender.adapter() != null) {
      if (!generators.appliesAdapters() || adapters == null) {
        throw new InvalidInputException(field, "fine-tuned models are served by the local engine, which is switched off "
            + "(augment.engine.enabled=false)");
      }
      if (adapters.find(contender.adapter()).isEmpty()) {
        throw new NotFoundException(field + ": trained model", contender.adapter());
      }
    }
    if (contender.generator() != null && generators.find(contender.generator()).isEmpty()) {
      throw new NotFoundException(field + ": generator", contender.generator());
    }
    return contender;
  }
}
