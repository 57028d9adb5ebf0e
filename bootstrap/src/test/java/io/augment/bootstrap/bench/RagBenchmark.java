package io.augment.bootstrap.bench;

import io.augment.adapter.out.extractive.ExtractiveGenerator;
import io.augment.adapter.out.langchain4j.LangChain4jEmbeddingModel;
import io.augment.adapter.out.lucene.LuceneVectorIndex;
import io.augment.adapter.out.memory.InMemoryDocumentRepository;
import io.augment.adapter.out.memory.InMemoryKnowledgeBaseRepository;
import io.augment.adapter.out.parsing.PlainTextParser;
import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.application.index.IndexSync;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestCommand;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.ingest.IngestResult;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.query.Answer;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.QueryCommand;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.retrieval.ScoredChunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The RAG benchmark: ingest throughput against the raw embedding model on the same chunks, dense
 * recall of the gold paragraph, extractive answer containment, and latencies. Prints a Markdown
 * report and writes it to docs/benchmarks/rag.md.
 *
 * <p>Run: {@code ./mvnw -q -pl bootstrap exec:java -Dexec.mainClass=io.augment.bootstrap.bench.RagBenchmark}
 * (args: datasets folder, default {@code ../shared/datasets}; output file).
 */
public final class RagBenchmark {
  private static final int BATCH = 32;
  private static final int TOP_K_ANSWER = 5;
  private static final int ROUNDS = 3;
  /** REST rounds run before the measured ones, reported apart: the packaged server starts cold. */
  private static final int WARM_UP_ROUNDS = 2;

  public static void main(String[] args) throws Exception {
    Path project = projectRoot();
    Path root = args.length > 0 ? Path.of(args[0]) : project.resolveSibling("shared").resolve("datasets");
    Path out = args.length > 1 ? Path.of(args[1]) : project.resolve("docs/benchmarks/rag.md");
    if (!Files.isDirectory(root.resolve("xquad-en/derived"))) {
      System.out.println("SKIPPED: no BEIR datasets under " + root + " (expected xquad-en/derived and cranfield/derived)");
      return;
    }
    Path work = Files.createTempDirectory("augment-rag-bench");
    if ("rest".equals(System.getProperty("rag.only"))) {
      EmbeddingModel inProcess = LangChain4jEmbeddingModel.allMiniLmL6V2();
      String rest = environment() + "\n" + restSection(project, Beir.load(root.resolve("xquad-en/derived")), work, inProcess);
      System.out.println(rest);
      return;
    }
    EmbeddingModel model = LangChain4jEmbeddingModel.allMiniLmL6V2();
    model.embedAll(List.of("warm up the model", "and the tokenizer")); // first call pays JIT and ONNX session set-up
    try (LuceneVectorIndex index = new LuceneVectorIndex(work.resolve("index"))) {
      Stack stack = new Stack(model, index);
      StringBuilder report = new StringBuilder();
      report.append("# RAG benchmark\n\n").append(environment()).append('\n');
      report.append("## Ingest throughput vs the raw embedding model (same chunks, same batch size ").append(BATCH).append(")\n\n");
      report.append("Pipeline = parse + chunk (model tokenizer) + embed + record store (in-memory) + Lucene write (committed in the background, as in the server). ")
          .append("Raw = `embedAll` on the pipeline's own chunk texts in batches of ").append(BATCH)
          .append(". ").append(ROUNDS).append(" rounds alternate raw and pipeline so both see the same load; the ratio uses the medians.\n\n");
      report.append("| dataset | docs | chunks | raw per round (chunks/s) | pipeline per round (chunks/s) | raw median | pipeline median | pipeline / raw |\n");
      report.append("|---|---:|---:|---|---|---:|---:|---:|\n");
      Beir xquad = Beir.load(root.resolve("xquad-en/derived"));
      Beir cranfield = Beir.load(root.resolve("cranfield/derived"));
      for (Beir data : List.of(xquad, cranfield)) {
        report.append(ingestRow(stack, data)).append('\n');
      }
      report.append('\n').append(quality(stack, xquad));
      report.append('\n').append(restSection(project, xquad, work, model));
      Files.createDirectories(out.getParent());
      Files.writeString(out, report.toString());
      System.out.println(report);
      System.out.println("written to " + out);
    }
  }

  /** The use cases over Lucene, the in-process model and the extractive generator. */
  record Stack(EmbeddingModel model, LuceneVectorIndex index, ManageKnowledgeBases kbs, IngestDocuments ingest,
      SearchKnowledgeBase search, AnswerQuestion answers) {
    Stack(EmbeddingModel model, LuceneVectorIndex index) {
      this(model, index, new InMemoryDocumentRepository());
    }

    private Stack(EmbeddingModel model, LuceneVectorIndex index, InMemoryDocumentRepository docRepo) {
      this(model, index, new InMemoryKnowledgeBaseRepository(docRepo), docRepo,
          new EmbeddingModels(List.of(model), model.spec().modelId()));
    }

    private Stack(EmbeddingModel model, LuceneVectorIndex index, InMemoryKnowledgeBaseRepository kbRepo,
        InMemoryDocumentRepository docRepo, EmbeddingModels models) {
      this(model, index, kbRepo, docRepo, models, new IndexSync(kbRepo, docRepo, index, models));
    }

    private Stack(EmbeddingModel model, LuceneVectorIndex index, InMemoryKnowledgeBaseRepository kbRepo,
        InMemoryDocumentRepository docRepo, EmbeddingModels models, IndexSync sync) {
      this(model, index,
          new ManageKnowledgeBases(kbRepo, docRepo, index, models, sync, Clock.systemUTC()),
          new IngestDocuments(kbRepo, docRepo, index, models, new DocumentParsers(List.of(new PlainTextParser())),
              sync, Clock.systemUTC(), BATCH, Long.MAX_VALUE),
          new SearchKnowledgeBase(kbRepo, index, models),
          new AnswerQuestion(new SearchKnowledgeBase(kbRepo, index, models),
              new NumberedCitationAugmenter(TokenCounter.APPROXIMATE), new ExtractiveGenerator(), 3000));
    }
  }

  private static String ingestRow(Stack stack, Beir data) {
    List<IngestCommand> commands = data.corpus().stream()
        .filter(d -> !d.text().isBlank())
        .map(d -> IngestCommand.text(toId(d.id()), d.title(), d.text(), Map.of()))
        .toList();
    // A throwaway ingest gives the chunk texts for the raw baseline.
    String probe = data.name() + "-probe";
    stack.kbs().create(new CreateKnowledgeBaseCommand(probe, "", null, null));
    stack.ingest().ingestAll(probe, commands, p -> {}, () -> false);
    List<String> texts = stack.index().allChunks(probe).stream().map(Chunk::text).toList();
    stack.kbs().delete(probe);

    // Alternate raw and pipeline runs so both see the same machine load; report medians.
    List<Double> raw = new ArrayList<>();
    List<Double> pipeline = new ArrayList<>();
    long chunks = 0;
    long failed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      raw.add(rawThroughput(stack.model(), texts));
      String kb = round == ROUNDS - 1 ? data.name() : data.name() + "-" + round; // the last one stays for the quality run
      stack.kbs().create(new CreateKnowledgeBaseCommand(kb, "", null, null));
      long start = System.nanoTime();
      List<IngestResult> results = stack.ingest().ingestAll(kb, commands, p -> {}, () -> false);
      double seconds = (System.nanoTime() - start) / 1e9;
      chunks = stack.index().count(kb);
      failed = results.stream().filter(r -> r.outcome() == IngestResult.Outcome.FAILED).count();
      pipeline.add(chunks / seconds);
      if (round < ROUNDS - 1) {
        stack.kbs().delete(kb);
      }
      System.out.printf("%s round %d: raw %.1f chunks/s, pipeline %.1f chunks/s%n", data.name(), round + 1,
          raw.get(round), pipeline.get(round));
    }
    double rawMedian = median(raw);
    double pipelineMedian = median(pipeline);
    return String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %.1f | %.1f | **%.2fx** |",
        data.name(), commands.size() - failed, chunks, join(raw), join(pipeline), rawMedian, pipelineMedian,
        pipelineMedian / rawMedian);
  }

  /**
   * Ingest over REST against the packaged server: one POST per document from 1, 2 and 4 concurrent
   * clients, and one ingest job. Baselines on the same chunk texts in batches of 32, in every round:
   * the same model's raw {@code embedAll} in this JVM while the server idles (the ratios' baseline),
   * and the server's own {@code /v1/embeddings} (which also counts tokens and writes JSON).
   */
  static String restSection(Path project, Beir data, Path work, EmbeddingModel model) throws Exception {
    StringBuilder s = new StringBuilder();
    Path lazyData = work.resolve("rest-server-write-delay");
    try (PackagedServer server = PackagedServer.start(project, work.resolve("rest-server"));
        PackagedServer lazyServer = PackagedServer.start(project, lazyData, "quarkus.datasource.jdbc.url=jdbc:h2:file:"
            + lazyData.resolve("db/augment") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500")) {
      RestIngest rest = new RestIngest(server.base, data.corpus());
      RestIngest lazy = new RestIngest(lazyServer.base, data.corpus());
      lazy.perDocument(1);
      List<String> texts = rest.chunkTexts();
      rest.raw(texts); // warm-up: JIT, HTTP connections, ONNX session
      rest.perDocument(2);
      rawThroughput(model, texts);
      String[] names = {"raw: the model's embedAll in-process, batches of 32 (baseline)",
          "raw: the server's /v1/embeddings, batches of 32", "one POST per document, 1 client",
          "one POST per document, 2 concurrent clients", "one POST per document, 4 concurrent clients",
          "one ingest job with every document",
          "one POST per document, 1 client, H2's default WRITE_DELAY=500 (acknowledged writes NOT durable)"};
      java.util.function.Supplier<Duration> self = () -> ProcessHandle.current().info().totalCpuDuration().orElseThrow();
      List<java.util.function.Supplier<Duration>> cpus = List.of(self, server::cpu, server::cpu, server::cpu, server::cpu,
          server::cpu, lazyServer::cpu);
      List<java.util.concurrent.Callable<Double>> rows = List.of(() -> rawThroughput(model, texts), () -> rest.raw(texts),
          () -> rest.perDocument(1), () -> rest.perDocument(2), () -> rest.perDocument(4), rest::job,
          () -> lazy.perDocument(1));
      List<List<Double>> runs = new ArrayList<>();
      List<List<Double>> cpuMs = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        runs.add(new ArrayList<>());
        cpuMs.add(new ArrayList<>());
      }
      // the server's JIT compiles for minutes (tens of CPU seconds of C2 on 2 cores, profiled): warm-up
      // rounds run every row first, are kept out of the medians and are reported apart
      List<List<Double>> warmUp = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        warmUp.add(new ArrayList<>());
      }
      for (int w = 0; w < WARM_UP_ROUNDS; w++) {
        for (int i = 0; i < names.length; i++) {
          warmUp.get(i).add(rows.get(i).call());
        }
        final int r = w;
        System.out.println("REST warm-up round " + (w + 1) + ": " + String.join(", ",
            warmUp.stream().map(values -> String.format(Locale.ROOT, "%.1f", values.get(r))).toList()) + " chunks/s");
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < names.length; i++) {
          Duration before = cpus.get(i).get();
          runs.get(i).add(rows.get(i).call());
          cpuMs.get(i).add((cpus.get(i).get().toNanos() - before.toNanos()) / 1e6 / texts.size());
        }
        final int r = round;
        System.out.println("REST round " + (round + 1) + ": " + String.join(", ",
            runs.stream().map(values -> String.format(Locale.ROOT, "%.1f", values.get(r))).toList()) + " chunks/s; "
            + String.join(", ", cpuMs.stream().map(values -> String.format(Locale.ROOT, "%.1f", values.get(r))).toList())
            + " ms CPU per chunk");
      }
      double raw = median(runs.get(0));
      s.append("## Ingest over REST vs the same server's raw embedding throughput\n\n");
      s.append("The packaged server (embedded defaults: H2 file database with `WRITE_DELAY=0`, Lucene on disk, in-process ")
          .append("all-MiniLM-L6-v2), ").append(data.name()).append(": ").append(rest.documentCount()).append(" documents, ")
          .append(texts.size()).append(" chunks. Every acknowledged write is durable (records committed before the ")
          .append("answer; the index checkpointed every second and repaired from the records after a crash). ")
          .append(WARM_UP_ROUNDS).append(" warm-up rounds, then ").append(ROUNDS)
          .append(" measured rounds; each round runs every row once, in the order shown; ratios use the measured rounds' medians.\n\n");
      s.append("| how | chunks/s per round | median | / raw | CPU ms per chunk (median) | raw CPU / this |\n"
          + "|---|---|---:|---:|---:|---:|\n");
      double rawCpu = median(cpuMs.get(0));
      for (int i = 0; i < names.length; i++) {
        double median = median(runs.get(i));
        double cpu = median(cpuMs.get(i));
        s.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %.1f | %.2fx |%n", names[i], join(runs.get(i)), median,
            i == 0 ? "1.00x" : String.format(Locale.ROOT, "**%.2fx**", median / raw), cpu, rawCpu / cpu));
      }
      s.append("\nCPU ms per chunk: the CPU time of the process doing the work (this JVM for the in-process row, the "
          + "server for the others; the HTTP client's own CPU is not counted) over the chunks written. Wall-clock "
          + "ratios move with whatever else runs on a shared machine; the CPU ratio is what a dedicated machine "
          + "would show where the server is CPU-bound (2 or more clients, the job), before the client's share.\n");
      s.append("\nWarm-up rounds (a server just started, its JIT still compiling; not in the medians), chunks/s and / raw of "
          + "the same round:\n\n| how | " + String.join(" | ", java.util.stream.IntStream.rangeClosed(1, WARM_UP_ROUNDS)
              .mapToObj(w -> "warm-up " + w).toList()) + " |\n|---|" + "---:|".repeat(WARM_UP_ROUNDS) + "\n");
      for (int i = 0; i < names.length; i++) {
        StringBuilder row = new StringBuilder("| " + names[i] + " |");
        for (int w = 0; w < WARM_UP_ROUNDS; w++) {
          row.append(String.format(Locale.ROOT, " %.1f (%.2fx) |", warmUp.get(i).get(w), warmUp.get(i).get(w) / warmUp.get(0).get(w)));
        }
        s.append(row).append('\n');
      }
      double twoClients = median(runs.get(3)) / raw;
      double job = median(runs.get(5)) / raw;
      s.append(String.format(Locale.ROOT, "%nTargets (durable and fast together): one POST per document from 2 concurrent "
          + "clients at least 0.80x of raw: reached %.2fx (%s); one ingest job at least 0.90x: reached %.2fx (%s).%n",
          twoClients, twoClients >= 0.8 ? "met" : "missed", job, job >= 0.9 ? "met" : "missed"));
      s.append(String.format(Locale.ROOT, "By CPU per chunk: 2 clients %.2fx, ingest job %.2fx.%n",
          rawCpu / median(cpuMs.get(3)), rawCpu / median(cpuMs.get(5))));
      double docs = rest.documentCount();
      double chunksPerDoc = texts.size() / docs;
      s.append(String.format(Locale.ROOT, "%nCost of durable commits per write (1 client): %.1f ms per document with "
          + "WRITE_DELAY=0 against %.1f ms with H2's default (median chunks/s converted at %.2f chunks per document).%n",
          1000 * chunksPerDoc / median(runs.get(2)), 1000 * chunksPerDoc / median(runs.get(6)), chunksPerDoc));
    }
    return s.toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String join(List<Double> values) {
    return String.join(" / ", values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
  }

  private static double rawThroughput(EmbeddingModel model, List<String> texts) {
    long start = System.nanoTime();
    for (int i = 0; i < texts.size(); i += BATCH) {
      model.embedAll(texts.subList(i, Math.min(texts.size(), i + BATCH)));
    }
    return texts.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static String quality(Stack stack, Beir xquad) {
    int[] hitsAt = new int[11];
    int contained = 0;
    List<Double> searchMs = new ArrayList<>();
    List<Double> queryMs = new ArrayList<>();
    for (Beir.Query q : xquad.queries()) {
      Set<String> gold = xquad.qrels().getOrDefault(q.id(), Map.of()).keySet();
      long t0 = System.nanoTime();
      List<ScoredChunk> found = stack.search().search(new QueryCommand(xquad.name(), q.text(), 20, null, null)).chunks();
      searchMs.add((System.nanoTime() - t0) / 1e6);
      List<String> docs = new ArrayList<>(new LinkedHashSet<>(found.stream().map(c -> fromId(c.chunk().documentId())).toList()));
      int rank = -1;
      for (int i = 0; i < docs.size() && i < 10; i++) {
        if (gold.contains(docs.get(i))) {
          rank = i + 1;
          break;
        }
      }
      for (int k = 1; k <= 10; k++) {
        hitsAt[k] += rank > 0 && rank <= k ? 1 : 0;
      }
      long t1 = System.nanoTime();
      Answer answer = stack.answers().answer(new QueryCommand(xquad.name(), q.text(), TOP_K_ANSWER, null, null));
      queryMs.add((System.nanoTime() - t1) / 1e6);
      String text = answer.text().toLowerCase(Locale.ROOT);
      if (q.answers().stream().anyMatch(a -> text.contains(a.toLowerCase(Locale.ROOT)))) {
        contained++;
      }
    }
    int n = xquad.queries().size();
    StringBuilder s = new StringBuilder();
    s.append("## Retrieval and answers on xquad-en (").append(n).append(" questions, dense retrieval, all-MiniLM-L6-v2)\n\n");
    s.append("| metric | value |\n|---|---:|\n");
    s.append(String.format(Locale.ROOT, "| recall@1 of the gold paragraph | %.3f |%n", hitsAt[1] / (double) n));
    s.append(String.format(Locale.ROOT, "| recall@5 of the gold paragraph | **%.3f** |%n", hitsAt[5] / (double) n));
    s.append(String.format(Locale.ROOT, "| recall@10 of the gold paragraph | %.3f |%n", hitsAt[10] / (double) n));
    s.append(String.format(Locale.ROOT, "| extractive answers containing a gold answer string (top-%d sources) | %.3f |%n", TOP_K_ANSWER, contained / (double) n));
    s.append(String.format(Locale.ROOT, "| search latency p50 / p99 (embed + dense search, exact below 10,000 chunks, ms) | %.1f / %.1f |%n", pct(searchMs, 50), pct(searchMs, 99)));
    s.append(String.format(Locale.ROOT, "| query latency p50 / p99 (search + augment + extractive generation, ms) | %.1f / %.1f |%n", pct(queryMs, 50), pct(queryMs, 99)));
    return s.toString();
  }

  /** The folder holding bootstrap/ and domain/, found from the working directory upwards. */
  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isDirectory(dir.resolve("bootstrap")) && Files.isDirectory(dir.resolve("domain")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run from inside the Augment project");
    }
    return dir;
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** BEIR ids such as {@code Super_Bowl_50#0} use '#', which chunk ids reserve. */
  private static String toId(String beirId) {
    return beirId.replace('#', '~');
  }

  private static String fromId(String documentId) {
    return documentId.replace('~', '#');
  }

  private static String environment() {
    return String.format(Locale.ROOT, "Run on %s: %d cores, Java %s, %s. Reproduce: `%s`.%n",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        "./mvnw -q install -DskipTests && ./mvnw -q -pl bootstrap exec:java -Dexec.mainClass=io.augment.bootstrap.bench.RagBenchmark");
  }
}
