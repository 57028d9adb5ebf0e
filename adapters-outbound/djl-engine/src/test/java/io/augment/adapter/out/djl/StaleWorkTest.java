package io.augment.adapter.out.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.augment.adapter.out.djl.format.Json;
import io.augment.adapter.out.djl.train.TrainingLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crashed server left in the engine folder is removed when the engine opens it, and never listed; job folders stay. */
class StaleWorkTest {
  @TempDir
  Path root;

  @Test
  void removesStaleLocksHalfInstalledArtifactsAndUnfinishedImportsButKeepsJobFoldersAndLiveLocks() throws Exception {
    ModelStore store = new ModelStore(root);
    Path crashed = store.jobs().resolve("crashed-job");
    Files.createDirectories(crashed.resolve("artifact"));
    Files.writeString(crashed.resolve("artifact/model.safetensors"), "partial");
    Files.writeString(crashed.resolve("request.json"), "{\"name\":\"gone\"}");
    Path importing = store.imports().resolve("half-import");
    Files.createDirectories(importing);
    Files.writeString(importing.resolve("model.safetensors"), "partial");
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Files.createDirectories(store.locks());
    Files.writeString(store.lock("gone"), Json.line(new TrainingLock.Holder(dead.pid(), "2020-01-01T00:00:00Z")));
    Path live = store.jobs().resolve("live-job");
    Files.createDirectories(live);
    Files.writeString(live.resolve("spec.json"), "{\"name\":\"busy\"}");
    ProcessHandle me = ProcessHandle.current();
    Files.writeString(store.lock("busy"), Json.line(new TrainingLock.Holder(me.pid(),
        me.info().startInstant().orElseThrow().toString())));
    Path half = root.resolve("models/half");
    Files.createDirectories(half);
    Files.writeString(half.resolve("augment.json.tmp"), "{}");

    List<String> removed = DjlEngine.removeStaleWork(root);

    assertThat(removed).containsExactlyInAnyOrder("imports/half-import", "locks/gone.lock", "models/half");
    assertThat(crashed).as("a job folder is what a resume continues from").exists();
    assertThat(importing).doesNotExist();
    assertThat(half).doesNotExist();
    assertThat(live).exists();
    assertThat(store.lock("busy")).exists();
    assertThat(store.find("half")).isEmpty();
    assertThat(DjlEngine.removeStaleWork(root)).as("nothing left the second time").isEmpty();
  }
}
