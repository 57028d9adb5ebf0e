package io.augment.application.benchmark;

import io.augment.application.evaluation.EvaluationRuns;
import io.augment.application.evaluation.EvaluationSets;
import io.augment.application.generation.Generators;
import io.augment.application.ingest.IngestCommand;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuneRequest;
import io.augment.application.adaptation.FineTuning;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationRun;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.job.Progress;
import io.augment.domain.model.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The knowledge-injection protocol, through use cases and ports only: build (or reuse) the base
 * model for world A and check that it answers; ingest world B into a knowledge base; inject world
 * B by LoRA and full fine-tuning, on the documents and on paraphrase-augmented documents; ask
 * every contender world B's evaluation questions, with world A's as the control set; then measure
 * what one more fact costs each way.
 */
public final class KnowledgeInjection {
  private final TrainingRuns training;
  private final Generators generators;
  private final ManageKnowledgeBases knowledgeBases;
  private final IngestDocuments ingest;
  private final EvaluationSets sets;
  private final EvaluationRuns runs;

  public KnowledgeInjection(FineTuning fineTuner, AdapterCatalog catalog, Generators generators,
      ManageKnowledgeBases knowledgeBases, IngestDocuments ingest, EvaluationSets sets, EvaluationRuns runs) {
    this.training = new TrainingRuns(fineTuner, catalog);
    this.generators = generators;
    this.knowledgeBases = knowledgeBases;
    this.ingest = ingest;
    this.sets = sets;
    this.runs = runs;
  }

  /** The base model's catalog name for a world and recipe: the same inputs always name the same model. */
  public static String baseModelName(KnowledgeInjectionSpec spec) {
    return "kib-base-" + hash(spec.world().fingerprint() + " | " + spec.recipe().fingerprint());
  }

  public KnowledgeInjectionResult run(KnowledgeInjectionSpec spec, Consumer<Progress> progress, BooleanSupplier cancelled) {
    long start = System.nanoTime();
    World world = World.generate(spec.world());
    String key = hash(spec.fingerprint());
    String base = baseModelName(spec);
    StagedProgress stages = new StagedProgress(progress, 50, 3, 2, 5, 5, 5, 5, 20, 5);

    stages.next("base model " + base);
    TrainedModel baseModel = training.ensure(new FineTuneRequest(base, "scratch", AdaptationMethod.FULL, null,
        spec.recipe().training(), BaseModelCorpus.examples(world, spec.recipe()), List.of()), true, stages::fraction,
        cancelled);

    stages.next("base-model quality checks");
    BaseModelQuality.Result quality = BaseModelQuality.check(generators.adapterGenerator(), base, world,
        spec.qualitySample(), spec.world().seed(), spec.maxTokens());
    check(cancelled);

    stages.next("ingesting world B");
    String kb = "kib-b-" + key;
    double ingestMillis = ingestWorldB(kb, world.b().documents(), stages, cancelled);

    List<TrainedModel> injected = new ArrayList<>();
    List<String> plain = world.b().documents().stream().map(WorldDocument::text).toList();
    List<String> para = world.b().paraphrasedDocuments().stream().map(WorldDocument::text).toList();
    for (String[] variant : new String[][] {{"lora", "LORA", "plain"}, {"full", "FULL", "plain"},
        {"lora-para", "LORA", "para"}, {"full-para", "FULL", "para"}}) {
      String name = "kib-" + key + "-" + variant[0];
      stages.next("fine-tuning " + name);
      AdaptationMethod method = AdaptationMethod.valueOf(variant[1]);
      injected.add(training.ensure(FineTuneRequest.ofTexts(name, base, method,
          method == AdaptationMethod.LORA ? spec.lora() : null,
          method == AdaptationMethod.LORA ? spec.loraTraining() : spec.fineTune(), variant[2].equals("para") ? para : plain),
          true, stages::fraction, cancelled));
    }

    stages.next("evaluation run");
    EvaluationRun run = evaluate(spec, world, key, kb, base, injected, stages, cancelled);

    stages.next("one more fact");
    KnowledgeInjectionResult.OneMoreFact extra = oneMoreFact(spec, world, key, kb, base, stages, cancelled);
    stages.fraction(1);
    return new KnowledgeInjectionResult(spec, baseModel, quality, kb, ingestMillis, plain.size(), injected, run, extra,
        (System.nanoTime() - start) / 1e9);
  }

  private double ingestWorldB(String kb, List<WorldDocument> documents, StagedProgress stages, BooleanSupplier cancelled) {
    try {
      knowledgeBases.delete(kb);
    } catch (NotFoundException absent) {
      // first run with this world
    }
    knowledgeBases.create(new CreateKnowledgeBaseCommand(kb, "knowledge-injection benchmark: world B", null, null));
    List<IngestCommand> commands = documents.stream()
        .map(d -> IngestCommand.text(d.id(), d.title(), d.text(), Map.of("world", "B"))).toList();
    long t0 = System.nanoTime();
    ingest.ingestAll(kb, commands, p -> stages.fraction(p.percent() / 100), cancelled);
    double millis = (System.nanoTime() - t0) / 1e6;
    check(cancelled);
    return millis;
  }

  private EvaluationRun evaluate(KnowledgeInjectionSpec spec, World world, String key, String kb, String base,
      List<TrainedModel> injected, StagedProgress stages, BooleanSupplier cancelled) {
    String setB = replaceSet("kib-b-" + key, "world B evaluation questions", world.b().evalQuestions());
    String setA = replaceSet("kib-a-" + key, "world A evaluation questions (control)", world.a().evalQuestions());
    List<Contender> contenders = new ArrayList<>();
    contenders.add(new Contender(kb, base, null));
    contenders.add(new Contender(kb, null, "extractive"));
    injected.forEach(m -> contenders.add(new Contender(null, m.name(), null)));
    contenders.add(new Contender(kb, injected.get(0).name(), null));
    contenders.add(new Contender(null, base, null));
    EvaluationRun run = runs.start(new EvaluationRunSpec(setB, setA, contenders, spec.topK(), spec.maxTokens()));
    while (true) {
      if (cancelled.getAsBoolean()) {
        runs.cancel(run.id());
        throw new CancellationException("cancelled during the evaluation run");
      }
      EvaluationRun now = runs.get(run.id());
      stages.fraction(now.progress().percent() / 100);
      if (now.status().finished()) {
        if (now.status() != io.augment.domain.job.JobStatus.SUCCEEDED) {
          throw new IllegalStateException("the evaluation run ended " + now.status() + ": " + now.error());
        }
        return now;
      }
      pause();
    }
  }

  private String replaceSet(String name, String description, List<WorldQuestion> questions) {
    try {
      sets.delete(name);
    } catch (NotFoundException absent) {
      // first run with this world
    }
    sets.create(name, description, questions.stream()
        .map(q -> new EvaluationQuestion(q.question(), List.of(q.answer()), List.of(q.documentId()))).toList());
    return name;
  }

  private KnowledgeInjectionResult.OneMoreFact oneMoreFact(KnowledgeInjectionSpec spec, World world, String key,
      String kb, String base, StagedProgress stages, BooleanSupplier cancelled) {
    WorldDocument fact = ExtraPerson.document(world);
    long t0 = System.nanoTime();
    ingest.ingest(kb, IngestCommand.text(fact.id(), fact.title(), fact.text(), Map.of("world", "B")));
    double ragMillis = (System.nanoTime() - t0) / 1e6;
    stages.fraction(0.1);
    TrainedModel lora = training.ensure(FineTuneRequest.ofTexts("kib-" + key + "-fact-lora", base, AdaptationMethod.LORA,
        spec.lora(), spec.loraTraining(), List.of(fact.text())), false, f -> stages.fraction(0.1 + 0.45 * f), cancelled);
    TrainedModel full = training.ensure(FineTuneRequest.ofTexts("kib-" + key + "-fact-full", base, AdaptationMethod.FULL,
        null, spec.fineTune(), List.of(fact.text())), false, f -> stages.fraction(0.55 + 0.45 * f), cancelled);
    return new KnowledgeInjectionResult.OneMoreFact(ragMillis, lora.seconds(), full.seconds());
  }

  private static void check(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("cancelled");
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
