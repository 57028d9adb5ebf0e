package io.augment.application.evaluation.report;

import static io.augment.application.evaluation.report.Format.NOT_APPLICABLE;
import static io.augment.application.evaluation.report.Format.NOT_RECORDED;

import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every measure of every contender, in four tables (accuracy, speed, forgetting, cost). A value
 * that was not recorded says so; a measure that does not apply to the contender (retrieval for
 * closed book, training for RAG alone) reads "n/a".
 */
final class MeasureTables {
  private record Column(String header, Function<ContenderRow, String> cell) {}

  private final ReportModel model;

  MeasureTables(ReportModel model) {
    this.model = model;
  }

  List<Table> tables() {
    int k = model.run().spec().topK();
    String set = model.run().spec().evaluationSet();
    String control = model.run().spec().controlSet();
    return List.of(
        table("Accuracy", "On the evaluation set " + set + "; retrieval measures over the top " + k + " chunks.", List.of(
            new Column("questions", r -> scored(r, s -> Format.count(s.questions()))),
            new Column("exact match", r -> scored(r, s -> Format.share(s.exactMatch()))),
            new Column("F1", r -> scored(r, s -> Format.share(s.f1()))),
            new Column("contains answer", r -> scored(r, s -> Format.share(s.contains()))),
            new Column("recall@" + k, r -> retrieval(r, Scores::recallAtK)),
            new Column("MRR", r -> retrieval(r, Scores::mrr)),
            new Column("cites gold", r -> retrieval(r, Scores::citesGold)))),
        table("Speed and tokens", "Latency per answer; tokens summed over the evaluation set.", List.of(
            new Column("latency p50 ms", r -> scored(r, s -> Format.decimal(s.latencyP50Ms()))),
            new Column("latency p95 ms", r -> scored(r, s -> Format.decimal(s.latencyP95Ms()))),
            new Column("tokens in", r -> scored(r, s -> Format.count(s.tokensIn()))),
            new Column("tokens out", r -> scored(r, s -> Format.count(s.tokensOut()))))),
        table("Forgetting", forgettingNote(control), List.of(
            new Column("control exact match", r -> control(r, s -> Format.share(s.exactMatch()))),
            new Column("control F1", r -> control(r, s -> Format.share(s.f1()))),
            new Column("exact match vs base", r -> delta(r, Scores::exactMatch)),
            new Column("F1 vs base", r -> delta(r, Scores::f1)))),
        table("Cost", "What producing each contender cost; RAG trains nothing (0 trainable parameters).", List.of(
            new Column("trainable params", r -> training(r, c -> count(c.trainableParameters()))),
            new Column("total params", r -> orNotRecorded(count(r.cost().totalParameters()))),
            new Column("trainable share", this::share),
            new Column("training s", r -> training(r, c -> decimal(c.trainingSeconds()))),
            new Column("training tokens/s", r -> training(r, c -> rate(c.trainingTokensPerSecond()))),
            new Column("peak memory", r -> training(r, c -> bytes(c.peakMemoryBytes()))),
            new Column("artifact", r -> training(r, c -> bytes(c.artifactBytes()))),
            new Column("ingest ms", r -> ingest(r, c -> count(c.ingestMillis()))),
            new Column("index", r -> ingest(r, c -> bytes(c.indexBytes()))),
            new Column("chunks", r -> ingest(r, c -> count(c.chunks()))))));
  }

  private String forgettingNote(String control) {
    if (control == null) {
      return "No control set in this run: forgetting was not measured.";
    }
    String base = model.base() == null ? "no base model listed" : "base model " + model.base().label();
    return "On the control set " + control + "; differences against the " + base + ".";
  }

  private Table table(String title, String note, List<Column> columns) {
    List<String> headers = new ArrayList<>();
    headers.add("contender");
    columns.forEach(c -> headers.add(c.header()));
    List<List<String>> rows = new ArrayList<>();
    for (ContenderRow row : model.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(row.label());
      columns.forEach(c -> cells.add(c.cell().apply(row)));
      rows.add(cells);
    }
    return new Table(title, note, headers, rows);
  }

  private static String scored(ContenderRow r, Function<Scores, String> value) {
    return r.scores() == null ? NOT_RECORDED : value.apply(r.scores());
  }

  private static String retrieval(ContenderRow r, Function<Scores, Double> value) {
    if (!r.rag()) {
      return NOT_APPLICABLE;
    }
    Double v = r.scores() == null ? null : value.apply(r.scores());
    return v == null ? NOT_RECORDED : Format.share(v);
  }

  private String control(ContenderRow r, Function<Scores, String> value) {
    if (!model.hasControlSet()) {
      return NOT_APPLICABLE;
    }
    if (r.control() != null) {
      return value.apply(r.control());
    }
    return r.trained() ? NOT_RECORDED : NOT_APPLICABLE;
  }

  private String delta(ContenderRow r, Function<Scores, Double> value) {
    if (!model.hasControlSet() || r.control() == null) {
      return control(r, s -> "");
    }
    if (model.isBase(r)) {
      return "base";
    }
    if (model.base() == null) {
      return "no base model listed";
    }
    if (model.base().control() == null) {
      return NOT_RECORDED;
    }
    if (!model.comparableToBase(r)) {
      return "other base model";
    }
    return Format.delta(value.apply(r.control()) - value.apply(model.base().control()));
  }

  private String share(ContenderRow r) {
    ContenderCost c = r.cost();
    if (c.trainableParameters() != null && c.trainableParameters() == 0) {
      return Format.percent(0, 1);
    }
    if (c.trainableParameters() == null || c.totalParameters() == null || c.totalParameters() <= 0) {
      return r.trained() ? NOT_RECORDED : NOT_APPLICABLE;
    }
    return Format.percent(c.trainableParameters(), c.totalParameters());
  }

  /** A training cost: as recorded; unrecorded is "n/a" where nothing was trained. */
  private static String training(ContenderRow r, Function<ContenderCost, String> value) {
    String v = value.apply(r.cost());
    return v != null ? v : r.trained() ? NOT_RECORDED : NOT_APPLICABLE;
  }

  private static String ingest(ContenderRow r, Function<ContenderCost, String> value) {
    if (!r.rag()) {
      return NOT_APPLICABLE;
    }
    return orNotRecorded(value.apply(r.cost()));
  }

  private static String orNotRecorded(String v) {
    return v == null ? NOT_RECORDED : v;
  }

  private static String count(Long v) {
    return v == null ? null : Format.count(v);
  }

  private static String decimal(Double v) {
    return v == null ? null : Format.decimal(v);
  }

  private static String rate(Double v) {
    return v == null ? null : Format.rate(v);
  }

  private static String bytes(Long v) {
    return v == null ? null : Format.bytes(v);
  }
}
