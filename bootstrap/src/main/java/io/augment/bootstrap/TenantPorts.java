package io.augment.bootstrap;

import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.TrainingFileRepository;
import io.augment.domain.evaluation.EvaluationRunRepository;
import io.augment.domain.evaluation.EvaluationSetRepository;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import io.augment.domain.retrieval.VectorIndex;
import io.augment.domain.tenant.TenantId;

/** One tenant's stores, each bound to that tenant's namespace (its schema, folders, collection prefix). */
record TenantPorts(
    TenantId tenant, KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, VectorIndex index,
    EvaluationSetRepository evaluationSets, EvaluationRunRepository evaluationRuns, FineTuneJobRepository fineTuneJobs,
    TrainingFileRepository trainingFiles) {}
