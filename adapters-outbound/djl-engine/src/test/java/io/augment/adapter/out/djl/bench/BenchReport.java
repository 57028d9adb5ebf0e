package io.augment.adapter.out.djl.bench;

import io.augment.adapter.out.djl.model.GptConfig;
import io.augment.domain.adaptation.TrainingMetrics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the benchmark's measurements and renders {@code docs/benchmarks/adaptation.md}. */
final class BenchReport {
  private final int paragraphs;
  private final double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  private final List<String> trainingRows = new ArrayList<>();
  private final List<String> generationRows = new ArrayList<>();
  private final List<String> checks = new ArrayList<>();
  private final List<String> settings = new ArrayList<>();
  private final Map<String, TrainingMetrics> fullRuns = new LinkedHashMap<>();
  private final Map<String, TrainingMetrics> loraRuns = new LinkedHashMap<>();

  BenchReport(int paragraphs) {
    this.paragraphs = paragraphs;
  }

  void training(AdaptationBenchmark.Size size, String method, TrainingMetrics m) {
    TrainingMetrics full = fullRuns.get(size.label());
    if (full == null) {
      fullRuns.put(size.label(), m);
      full = m;
    } else {
      loraRuns.putIfAbsent(size.label(), m);
    }
    trainingRows.add(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.2f%% | %,.0f | %s | %s | %s | %s | %.2f%% |",
        size.label(), method, m.totalParameters(), m.trainableParameters(), m.trainablePercent(), m.tokensPerSecond(),
        mb(m.peakHeapBytes()), mb(m.peakNativeBytes()), mb(m.peakHeapBytes() + m.peakNativeBytes()),
        bytes(m.artifactBytes()), 100.0 * m.artifactBytes() / full.artifactBytes()));
  }

  void generation(AdaptationBenchmark.Size size, GenerationThroughput.Result result) {
    double[] rate = result.tokensPerSecond();
    double[] ratio = result.ratioToFirst();
    generationRows.add(String.format(Locale.ROOT, "| %s | %.0f | %.0f (%.2fx) | %.0f (%.2fx) |", size.label(),
        rate[0], rate[1], ratio[1], rate[2], ratio[2]));
    TrainingMetrics full = fullRuns.get(size.label());
    TrainingMetrics lora = loraRuns.get(size.label());
    boolean targeted = size.config().parameterCount() >= 25_000_000;
    checks.add(String.format(Locale.ROOT, "- %s%s: LoRA r=8 (c_attn) trains %.2f%% of the parameters (<= 1%%: %s); "
            + "its adapter is %.2f%% of the full checkpoint (<= 1%%: %s); its peak memory is %s vs %s for full "
            + "fine-tuning (lower: %s); 8 adapters in turn keep %.2fx of base-only generation throughput "
            + "(>= 0.8x: %s).", size.label(), targeted ? "" : " (the targets are set for >= 25M parameters; shown "
            + "for comparison)", lora.trainablePercent(), yes(lora.trainablePercent() <= 1),
        100.0 * lora.artifactBytes() / full.artifactBytes(), yes(lora.artifactBytes() * 100 <= full.artifactBytes()),
        mb(lora.peakHeapBytes() + lora.peakNativeBytes()), mb(full.peakHeapBytes() + full.peakNativeBytes()),
        yes(lora.peakHeapBytes() + lora.peakNativeBytes() < full.peakHeapBytes() + full.peakNativeBytes()),
        ratio[2], yes(ratio[2] >= 0.8)));
  }

  void generationThreads(int threads) {
    settings.add(String.format(Locale.ROOT, "- generation: %d PyTorch intra-op thread(s), OMP_WAIT_POLICY=%s.",
        threads, System.getenv("OMP_WAIT_POLICY")));
  }

  void seconds(AdaptationBenchmark.Size size, double seconds) {
    GptConfig c = size.config();
    settings.add(String.format(Locale.ROOT, "- %s: %,d parameters; vocabulary %d (BPE trained on the corpus), "
            + "context %d, width %d, %d layers, %d heads; batch %d x %d tokens, %d optimiser steps per run; "
            + "%d generated tokens per request; %.0f s for this size.", size.label(), c.parameterCount(),
        c.vocabSize(), c.contextLength(), c.dModel(), c.layers(), c.heads(), size.batch(), size.sequence(),
        size.steps(), size.generatedTokens(), seconds));
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Adaptation benchmark: full fine-tuning vs LoRA, and multi-adapter generation\n\n")
        .append("Measured ").append(LocalDate.now()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores (load average ")
        .append(String.format(Locale.ROOT, "%.1f", loadAverage)).append(" at start, other builds sharing them), Java ")
        .append(System.getProperty("java.version")).append(", DJL 0.36 / PyTorch 2.7.1 CPU.\n\n")
        .append("Run it with\n\n```\n")
        .append("OMP_WAIT_POLICY=PASSIVE mvn -o -f adapters-outbound/djl-engine/pom.xml test-compile exec:java \\\n")
        .append("  -Dexec.mainClass=io.augment.adapter.out.djl.bench.AdaptationBenchmark\n```\n\n")
        .append("It pretrains a base model from scratch on the repository's Markdown (").append(paragraphs)
        .append(" paragraphs), then, from that base, runs full fine-tuning and two LoRA r=8 (alpha 16) variants, ")
        .append("each in its own training worker process as the engine always does. Absolute numbers move with ")
        .append("the machine's load; compare rows of one run.\n\n");
    settings.forEach(s -> out.append(s).append('\n'));
    out.append("\n## Training\n\n")
        .append("| model | method | parameters | trainable | trainable % | tokens/s | peak heap | peak native | ")
        .append("peak total | artifact | artifact / full checkpoint |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    trainingRows.forEach(r -> out.append(r).append('\n'));
    out.append("\nPeak heap is the JVM heap in use; peak native is the worker's resident set minus that heap ")
        .append("(PyTorch tensors, gradients, optimiser state, native libraries), both sampled every 10 ms. ")
        .append("Parameters count the adapter too (PEFT's convention). The artifact is the checkpoint folder ")
        .append("(model.safetensors, config.json, tokenizer.json) or the adapter folder (adapter_model.safetensors, ")
        .append("adapter_config.json). q_proj + v_proj adapters are stored as one fused c_attn pair of rank 16 ")
        .append("whose B is block-sparse, hence twice the bytes of their trainable count.\n");
    out.append("\n## Generation\n\n")
        .append("Greedy decoding with a key-value cache, requests one after another, each generating exactly ")
        .append("the stated number of tokens (end-of-text ignored) after a short prompt; completion tokens/s, ")
        .append("median of 5 rounds of 8 requests per mode, modes interleaved in rotating order; ratio = median ")
        .append("per-round ratio to base only. ")
        .append("Adapters stay resident and unmerged over the one base model; the eight are the trained ")
        .append("c_attn adapter and seven of the same shape with random values (same cost).\n\n")
        .append("| model | base only | 1 adapter | 8 adapters in turn |\n|---|---:|---:|---:|\n");
    generationRows.forEach(r -> out.append(r).append('\n'));
    out.append("\n## Targets\n\n");
    checks.forEach(c -> out.append(c).append('\n'));
    return out.toString();
  }

  private static String yes(boolean value) {
    return value ? "yes" : "**no**";
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
  }

  private static String bytes(long bytes) {
    return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
        : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
  }

  static Path repositoryRoot() {
    String fromMaven = System.getProperty("maven.multiModuleProjectDirectory");
    Path dir = Path.of(fromMaven != null ? fromMaven : "").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs")) && Files.isDirectory(p.resolve("domain"))) {
        return p;
      }
    }
    return dir;
  }

  /** Keeps DJL's native libraries in the build's cache rather than the home folder, and offline. */
  static void useRepositoryCache(Path repository) {
    if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", repository.resolve("target/djl-cache").toString());
    }
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }
}
