package io.augment.adapter.out.djl.bench;

import java.time.LocalDate;
import java.util.List;

/** Renders the benchmark results as Markdown. */
final class Report {
  private Report() {}

  static String markdown(List<String[]> rows, double[] small, double[] large, String command) {
    StringBuilder b = new StringBuilder("# Local adaptation benchmark (DJL / PyTorch CPU)\n\n");
    b.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" CPU cores, JDK ").append(System.getProperty("java.version"))
        .append(". Each training case ran alone in a fresh JVM (batch 4 x full context, a few steps, "
            + "synthetic corpus); LoRA is r=8, alpha=16 on q and v.\n\n");
    b.append("| model | method | params | trainable | trainable % | tokens/s | peak heap MiB | peak native MiB "
        + "| RSS growth MiB | artifact bytes | loss first -> last |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (String[] r : rows) {
      long total = Long.parseLong(r[2]);
      long trainable = Long.parseLong(r[3]);
      b.append(String.format("| %s | %s | %,d | %,d | %.3f%% | %s | %d | %d | %d | %,d | %s -> %s |%n", r[0], r[1],
          total, trainable, 100.0 * trainable / total, r[4], mib(r[5]), mib(r[6]), mib(r[7]), Long.parseLong(r[8]),
          r[9], r[10]));
    }
    b.append("\nGeneration (greedy, no KV cache, one request at a time), tokens/s:\n\n");
    b.append("| model | base only | 1 adapter | 8 adapters round-robin | 8 adapters / base |\n|---|---:|---:|---:|---:|\n");
    b.append(genRow("1M", small)).append(genRow("25M", large));
    b.append("\nPeak native = peak resident set (VmHWM) minus peak heap, so it includes libtorch itself "
        + "(~hundreds of MiB); RSS growth = VmHWM minus the resident set just before training.\n\n");
    b.append("Command (from the repository root):\n\n```\n").append(command).append("\n```\n");
    return b.toString();
  }

  private static String genRow(String model, double[] r) {
    return String.format("| %s | %.1f | %.1f | %.1f | %.2fx |%n", model, r[0], r[1], r[2], r[2] / r[0]);
  }

  private static long mib(String bytes) {
    return Long.parseLong(bytes) / (1024 * 1024);
  }
}
