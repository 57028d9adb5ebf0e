package io.augment.bootstrap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.augment.application.benchmark.KnowledgeInjectionReport;
import io.augment.application.benchmark.KnowledgeInjectionResult;
import io.augment.application.benchmark.KnowledgeInjectionSpec;
import io.augment.application.benchmark.KnowledgePresets;
import io.augment.application.evaluation.report.EvaluationReports;
import io.augment.application.evaluation.report.ReportSection;
import io.augment.application.job.BackgroundJobs;
import io.augment.domain.job.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge-injection benchmark from the command line: runs the whole protocol at a preset
 * size, prints progress and the results table, and writes the report as Markdown, HTML and JSON.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && OMP_WAIT_POLICY=PASSIVE ./mvnw -q -pl bootstrap exec:java
 * -Dexec.mainClass=io.augment.bootstrap.bench.KnowledgeBenchmark -Dexec.args="default"}. Arguments:
 * the size ({@code default}, {@code small} or {@code tiny}), the report path without extension
 * (default {@code docs/benchmarks/knowledge-injection}) and the engine folder (default
 * {@code data/benchmarks/knowledge-injection}, where the base model is kept for reuse).
 */
public final class KnowledgeBenchmark {
  private KnowledgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path project = projectRoot();
    String size = args.length > 0 ? args[0] : "default";
    Path out = args.length > 1 ? Path.of(args[1]) : project.resolve("docs/benchmarks/knowledge-injection");
    Path engineDir = args.length > 2 ? Path.of(args[2]) : project.resolve("data/benchmarks/knowledge-injection");
    KnowledgeInjectionSpec spec = KnowledgePresets.named(size);
    KnowledgeInjectionResult result = run(spec, engineDir, out, project);
    System.out.println();
    System.out.print(KnowledgeInjectionReport.table(result));
    System.out.println("report: " + out.toAbsolutePath() + ".html (and .md, .json)");
    System.exit(0); // the embedding model's and PyTorch's non-daemon threads
  }

  /** Runs the protocol over a fresh stack and writes {@code out}.md, .html and .json. */
  public static KnowledgeInjectionResult run(KnowledgeInjectionSpec spec, Path engineDir, Path out, Path project)
      throws Exception {
    Path index = Files.createTempDirectory("knowledge-benchmark-index");
    try (KnowledgeStack stack = new KnowledgeStack(engineDir, index, spec.recipe().shape())) {
      long[] last = {0};
      KnowledgeInjectionResult result = stack.protocol.run(spec, p -> print(p, last), () -> false);
      write(result, stack, out, project);
      return result;
    }
  }

  private static void print(Progress p, long[] last) {
    long now = System.nanoTime();
    if (now - last[0] > 5_000_000_000L || p.done() == p.total()) {
      last[0] = now;
      System.out.println("knowledge-injection benchmark: " + BackgroundJobs.describe(p));
    }
  }

  static void write(KnowledgeInjectionResult result, KnowledgeStack stack, Path out, Path project) throws Exception {
    List<ReportSection> sections = KnowledgeInjectionReport.sections(result,
        read(project.resolve("docs/benchmarks/knowledge-injection.experiments.md")),
        read(project.resolve("docs/benchmarks/knowledge-injection.discussion.md")));
    EvaluationReports reports = new EvaluationReports(stack.catalog());
    var questions = stack.results(result.run().id());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(Path.of(out + ".md"), reports.markdown(result.run(), questions, sections));
    Files.writeString(Path.of(out + ".html"), reports.html(result.run(), questions, sections));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "knowledge-injection");
    json.put("result", result);
    json.put("sections", sections);
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(Path.of(out + ".json"), mapper.writeValueAsString(json));
  }

  private static String read(Path file) throws Exception {
    return Files.isRegularFile(file) ? Files.readString(file) : "";
  }

  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run from inside the Augment project");
    }
    return dir;
  }
}
