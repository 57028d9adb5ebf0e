package io.augment.adapter.out.djl;

import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.FineTuneRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One engine root shared by the tests that need trained artifacts: base model {@code tiny} and LoRA
 * adapters {@code cats} and {@code counting}, trained once per JVM.
 */
final class TinyWorkspace {
  private static Path root;

  private TinyWorkspace() {}

  static synchronized Path root() {
    if (root == null) {
      try {
        Files.createDirectories(Path.of("target"));
        root = Files.createTempDirectory(Path.of("target"), "djl-root");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      DjlLocalEngine engine = new DjlLocalEngine(root);
      engine.pretrain("tiny", Tiny.CONFIG, Tiny.corpus(), Tiny.steps(60, 1e-2), (d, t, l, s) -> { });
      engine.fineTune(lora("cats", List.of("the cat sat on the cat. the cat sat on the cat. ")), (d, t, l, s) -> { });
      engine.fineTune(lora("counting", List.of("one two three four five six. one two three four five six. ")),
          (d, t, l, s) -> { });
    }
    return root;
  }

  static FineTuneRequest lora(String name, List<String> texts) {
    return new FineTuneRequest(name, "tiny", AdaptationMethod.LORA, Tiny.LORA, Tiny.steps(40, 3e-3), texts);
  }
}
