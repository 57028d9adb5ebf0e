package io.augment.adapter.out.djl.bench;

import io.augment.adapter.out.djl.ArtifactInfo;
import io.augment.adapter.out.djl.ModelStore;
import io.augment.adapter.out.djl.format.PeftAdapterIo;
import io.augment.adapter.out.djl.format.SafeTensors;
import io.augment.adapter.out.djl.format.Tensor;
import io.augment.domain.adaptation.AdaptationMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Extra adapters for the throughput runs: a trained adapter's shapes with random values (same cost). */
final class BenchAdapters {
  private BenchAdapters() {}

  static String randomCopy(ModelStore store, String source, String name, long seed) throws IOException {
    ArtifactInfo original = store.find(source).orElseThrow();
    Path from = store.folder(original);
    Path staging = store.jobs().resolve("copy-" + name);
    Files.createDirectories(staging);
    Files.copy(from.resolve(PeftAdapterIo.CONFIG), staging.resolve(PeftAdapterIo.CONFIG));
    SafeTensors.Contents contents = SafeTensors.read(from.resolve(PeftAdapterIo.WEIGHTS));
    Random random = new Random(seed);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    contents.tensors().forEach((key, tensor) -> {
      float[] values = tensor.values();
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (0.02 * random.nextGaussian());
      }
      tensors.put(key, Tensor.of(tensor.shape(), values));
    });
    SafeTensors.write(staging.resolve(PeftAdapterIo.WEIGHTS), tensors, contents.metadata());
    store.install(staging, new ArtifactInfo(name, original.baseModel(), AdaptationMethod.LORA,
        ArtifactInfo.Origin.FINE_TUNED, Instant.now().toString()));
    return name;
  }
}
