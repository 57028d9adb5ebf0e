package io.augment.adapter.out.djl;

import io.augment.adapter.out.djl.format.GptCheckpoint;
import io.augment.adapter.out.djl.format.PeftAdapterIo;
import io.augment.adapter.out.djl.model.GptModel;
import io.augment.adapter.out.djl.model.LoraWeights;
import io.augment.adapter.out.djl.tokenizer.BpeTokenizer;
import io.augment.domain.adaptation.AdaptationMethod;
import java.nio.file.Path;
import java.time.Instant;

/** Puts models and adapters into a {@link ModelStore} directly, without training jobs. */
public final class StoreFixtures {
  private StoreFixtures() {}

  public static ArtifactInfo installModel(ModelStore store, String name, GptModel model, BpeTokenizer tokenizer,
      ArtifactInfo.Origin origin, String baseModel) {
    Path staging = store.root().resolve("fixture-staging").resolve(name);
    GptCheckpoint.write(staging, model, tokenizer);
    ArtifactInfo info = new ArtifactInfo(name, baseModel, AdaptationMethod.FULL, origin, Instant.now().toString());
    store.install(staging, info);
    return info;
  }

  public static ArtifactInfo installAdapter(ModelStore store, String name, LoraWeights lora, String baseModel) {
    Path staging = store.root().resolve("fixture-staging").resolve(name);
    PeftAdapterIo.write(staging, lora, baseModel);
    ArtifactInfo info = new ArtifactInfo(name, baseModel, AdaptationMethod.LORA, ArtifactInfo.Origin.FINE_TUNED,
        Instant.now().toString());
    store.install(staging, info);
    return info;
  }
}
