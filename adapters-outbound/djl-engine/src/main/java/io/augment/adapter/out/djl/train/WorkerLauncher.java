package io.augment.adapter.out.djl.train;

import ai.djl.util.Utils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts {@link TrainingWorker} in a child JVM with this process's classpath, DJL cache and offline
 * setting, and a steady OpenMP wait policy. The classpath is rebuilt from the class loader's jars
 * because launchers such as Quarkus' fast-jar do not list them in {@code java.class.path}. The
 * worker's stdin stays an open pipe that is never written: when this process dies, however it dies,
 * the worker reads end-of-file and exits (see {@code ParentWatch}). Keep the returned
 * {@link Process} reachable while the worker runs: collecting it closes that pipe.
 */
public final class WorkerLauncher {
  private final int heapMegabytes;
  private final List<String> jvmOptions;

  public WorkerLauncher(int heapMegabytes, List<String> jvmOptions) {
    this.heapMegabytes = heapMegabytes;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  public Process start(Path specFile, Path logFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heapMegabytes + "m");
    command.add("-Dai.djl.offline=" + Boolean.parseBoolean(System.getProperty("ai.djl.offline", "true")));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath());
    command.add(TrainingWorker.class.getName());
    command.add(specFile.toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().put("DJL_CACHE_DIR", Utils.getCacheDir().toAbsolutePath().toString());
    builder.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the training worker", e);
    }
  }

  /** This module's classes, {@code java.class.path}, and every jar the class loader sees. */
  static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    ClassLoader loader = TrainingWorker.class.getClassLoader();
    try {
      var source = TrainingWorker.class.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
        entries.add(Path.of(source.getLocation().toURI()).toString());
      }
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          entries.add(entry);
        }
      }
      for (URL url : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
        String text = url.toString();
        if (text.startsWith("jar:file:") && text.contains("!/")) {
          entries.add(Path.of(new URL(text.substring(4, text.indexOf("!/"))).toURI()).toString());
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot work out the worker classpath", e);
    }
    return String.join(File.pathSeparator, entries);
  }
}
