package io.augment.adapter.out.djl.bench;

import io.augment.adapter.out.djl.GptConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Full fine-tuning vs LoRA r=8 (q, v) at ~1M and ~25M parameters, each case in a fresh JVM, then
 * generation throughput with 0, 1 and 8 adapters. Writes {@code docs/benchmarks/adaptation.md}.
 */
public final class AdaptationBenchmark {
  static final String COMMAND = "DJL_CACHE_DIR=$PWD/target/djl-cache OMP_WAIT_POLICY=PASSIVE mvn -o -q -pl "
      + "adapters-outbound/djl exec:java -Dai.djl.offline=true "
      + "-Dexec.mainClass=io.augment.adapter.out.djl.bench.AdaptationBenchmark";

  private AdaptationBenchmark() {}

  static GptConfig config(String size) {
    return size.equals("1M") ? new GptConfig(512, 64, 128, 5, 4) : new GptConfig(512, 128, 512, 8, 8);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--case")) {
      TrainingCase.run(args[1], args[2], Integer.parseInt(args[3]));
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (String size : List.of("1M", "25M")) {
      for (String method : List.of("full", "lora")) {
        rows.add(child(size, method, size.equals("1M") ? 20 : 6));
      }
    }
    double[] small = GenerationCase.run("1M", 32, 24);
    double[] large = GenerationCase.run("25M", 16, 16);
    String md = Report.markdown(rows, small, large, COMMAND);
    Path out = docs().resolve("benchmarks/adaptation.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
    System.out.println(md);
  }

  private static String[] child(String size, String method, int steps) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Xmx2g", "-Dai.djl.offline=true", "-cp", classpath(),
        AdaptationBenchmark.class.getName(), "--case", size, method, String.valueOf(steps));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
    Process p = pb.start();
    String result = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException("benchmark case " + size + " " + method + " failed");
    }
    System.out.println(result);
    return Arrays.copyOfRange(result.split(" "), 1, 12);
  }

  private static String classpath() {
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
      return Arrays.stream(loader.getURLs()).map(u -> new File(u.getPath()).getPath())
          .collect(Collectors.joining(File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }

  private static Path docs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("docs") : dir.resolve("docs");
  }

  static long rss() {
    return status("VmRSS:");
  }

  static long peakRss() {
    return status("VmHWM:");
  }

  private static long status(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (Exception ignored) {
      // not Linux
    }
    return 0;
  }
}
