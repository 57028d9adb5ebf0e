package io.augment.application.benchmark;

import io.augment.application.evaluation.report.ReportSection;
import io.augment.domain.adaptation.TrainingSettings;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's own report sections (setup, base-model quality, injection runs, the cost of one
 * more fact, plus the given experiments and discussion) and the results table for a terminal.
 */
public final class KnowledgeInjectionReport {
  private KnowledgeInjectionReport() {}

  /** The sections, in report order; {@code experiments} and {@code discussion} are Markdown, may be blank. */
  public static List<ReportSection> sections(KnowledgeInjectionResult r, String experiments, String discussion) {
    List<ReportSection> out = new ArrayList<>();
    out.add(new ReportSection("Knowledge-injection setup", setup(r)));
    out.add(new ReportSection("Base-model quality", quality(r)));
    out.add(new ReportSection("Injection runs", injection(r)));
    out.add(new ReportSection("Cost of one more fact", oneMoreFact(r)));
    if (experiments != null && !experiments.isBlank()) {
      out.add(new ReportSection("Base-model experiments", experiments.strip()));
    }
    if (discussion != null && !discussion.isBlank()) {
      out.add(new ReportSection("Discussion against the literature", discussion.strip()));
    }
    return out;
  }

  private static String setup(KnowledgeInjectionResult r) {
    KnowledgeInjectionSpec s = r.spec();
    WorldConfig w = s.world();
    TrainingSettings t = s.recipe().training();
    TrainingSettings f = s.fineTune();
    return String.join("\n",
        "- World (seed " + w.seed() + "): " + w.entitiesA() + " people in world A, " + w.entitiesB() + " in world B, "
            + w.readingEntities() + " held-out people for reading examples; 4 facts each (birthplace, birth year, "
            + "employer, field), invented names and values; " + w.paraphrases() + " phrasings per person.",
        "- Evaluation: world B's " + (w.entitiesB() * 4) + " questions on evaluation templates (never in any training "
            + "text); control set world A's " + (w.entitiesA() * 4) + " evaluation questions (forgetting). Greedy, at most "
            + s.maxTokens() + " tokens, RAG top " + s.topK() + ".",
        "- Base model `" + r.baseModel().name() + "` (" + (r.baseModel().reused() ? "reused from the catalog, trained in "
            + fmt(r.baseModel().seconds() / 60) + " min" : "trained in this run, " + fmt(r.baseModel().seconds() / 60) + " min") + "): " + s.recipe().shape() + "; " + t.maxSteps() + " steps of "
            + t.batchSize() + " x " + t.sequenceLength() + " tokens, learning rate " + t.learningRate() + "; texts: world A "
            + "documents in every phrasing x" + s.recipe().documentRepeats() + ", world A training questions x"
            + s.recipe().qaRepeats() + " (only their answers learned), " + s.recipe().readingExamples()
            + " reading examples (1 to " + s.recipe().maxPassages() + " sources, learned whole).",
        "- Injection (the engine's default learning rates, not tuned here): full fine-tuning " + f.epochs() + " epochs, batch "
            + f.batchSize() + " x " + f.sequenceLength() + ", learning rate " + f.learningRate() + "; LoRA "
            + s.loraTraining().epochs() + " epochs, learning rate " + s.loraTraining().learningRate() + ", rank " + s.lora().rank() + ", alpha " + s.lora().alpha()
            + " on " + new java.util.TreeSet<>(s.lora().targetModules()) + ". Plain runs train on world B's "
            + r.documents() + " documents, paraphrase runs on all " + (r.documents() * w.paraphrases()) + " phrasings.",
        "- Knowledge base `" + r.knowledgeBase() + "`: " + r.documents() + " documents ingested in " + fmt(r.ingestMillis())
            + " ms.",
        "- Whole protocol: " + fmt(r.seconds() / 60) + " min" + (r.baseModel().reused() ? " (base model reused)" : "") + ".",
        "- Reproduce: `./mvnw -q install -DskipTests && OMP_WAIT_POLICY=PASSIVE ./mvnw -q -pl bootstrap exec:java "
            + "-Dexec.mainClass=io.augment.bootstrap.bench.KnowledgeBenchmark -Dexec.args=default` (sizes: default, small, tiny).");
  }

  private static String quality(KnowledgeInjectionResult r) {
    BaseModelQuality.Result q = r.quality();
    StringBuilder md = new StringBuilder("Checked before anything is compared (" + q.questions()
        + " questions per measure, exact match after SQuAD normalisation).\n\n");
    md.append("| measure | exact match | bar | met |\n|---|---:|---:|---|\n");
    md.append(row("world A closed book, evaluation templates", q.closedBookA(), BaseModelQuality.CLOSED_BOOK_BAR));
    md.append(row("world A reading, gold passage given", q.readingA(), BaseModelQuality.READING_BAR));
    md.append("| world B reading, gold passage given (people never trained on) | ").append(fmt(q.readingB()))
        .append(" | - | - |\n\n");
    md.append(q.meetsBars() ? "The base model meets both bars."
        : "**The base model misses a bar**: the comparison below is over a weaker reader than intended.");
    if (!q.examples().isEmpty()) {
      md.append("\n\n");
      q.examples().forEach(e -> md.append("- ").append(ReportSection.escape(e)).append('\n'));
    }
    return md.toString();
  }

  private static String row(String name, double value, double bar) {
    return "| " + name + " | " + fmt(value) + " | " + fmt(bar) + " | " + (value >= bar ? "yes" : "**no**") + " |\n";
  }

  private static String injection(KnowledgeInjectionResult r) {
    StringBuilder md = new StringBuilder("Seconds are the training run's wall time (a reused model shows the time "
        + "recorded when it was trained).\n\n| model | method | texts | seconds | tokens/s | trainable | reused |\n");
    md.append("|---|---|---:|---:|---:|---:|---|\n");
    List<TrainedModel> all = new ArrayList<>();
    all.add(r.baseModel());
    all.addAll(r.injected());
    for (TrainedModel m : all) {
      var x = m.cost();
      md.append("| `").append(m.name()).append("` | ").append(m.method()).append(" | ").append(m.texts()).append(" | ")
          .append(fmt(m.seconds())).append(" | ")
          .append(x == null ? "not recorded" : fmt(x.tokensPerSecond())).append(" | ")
          .append(m.trainablePercent() == null ? "not recorded" : fmt(m.trainablePercent()) + "%").append(" | ")
          .append(m.reused() ? "yes" : "no").append(" |\n");
    }
    return md.toString();
  }

  private static String oneMoreFact(KnowledgeInjectionResult r) {
    KnowledgeInjectionResult.OneMoreFact f = r.oneMoreFact();
    return "One new person's document, after everything above:\n\n| way | cost |\n|---|---:|\n"
        + "| RAG: ingest one document | " + fmt(f.ragIngestMillis()) + " ms |\n"
        + "| LoRA: a training run on it (same settings) | " + fmt(f.loraSeconds()) + " s |\n"
        + "| full fine-tuning: a training run on it | " + fmt(f.fullSeconds()) + " s |\n\n"
        + "A fine-tuning run on one document alone also risks overwriting what the model knew; RAG's cost does "
        + "not grow with what is already there.";
  }

  /** The results table for a terminal: one row per contender. */
  public static String table(KnowledgeInjectionResult r) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-44s %7s %7s %9s %10s%n",
        "contender", "EM(B)", "F1(B)", "cont.(B)", "EM(A ctl)"));
    for (ContenderResult c : r.run().results()) {
      Scores s = c.scores();
      Scores ctl = c.control();
      out.append(String.format(Locale.ROOT, "%-44s %7s %7s %9s %10s%n", c.contender(),
          s == null ? "-" : fmt(s.exactMatch()), s == null ? "-" : fmt(s.f1()), s == null ? "-" : fmt(s.contains()),
          ctl == null ? "-" : fmt(ctl.exactMatch())));
    }
    return out.toString();
  }

  static String fmt(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
