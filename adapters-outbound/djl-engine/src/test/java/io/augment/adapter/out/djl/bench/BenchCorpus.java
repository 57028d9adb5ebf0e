package io.augment.adapter.out.djl.bench;

import io.augment.adapter.out.djl.TinyModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Training text for the benchmark: the paragraphs of the repository's Markdown, else a synthetic corpus. */
final class BenchCorpus {
  private BenchCorpus() {}

  static List<String> load(Path repository) {
    List<String> paragraphs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(repository)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md"))
          .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/node_modules/")
              && !f.toString().contains("/.git/") && !f.toString().contains("/benchmarks/"))
          .sorted().toList()) {
        for (String paragraph : Files.readString(file).split("\\n\\s*\\n")) {
          if (!paragraph.isBlank()) {
            paragraphs.add(paragraph.strip());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return paragraphs.size() < 50 ? TinyModels.corpus(3000, 1) : paragraphs;
  }
}
