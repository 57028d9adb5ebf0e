package io.augment.bootstrap.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment.application.benchmark.KnowledgeInjectionResult;
import io.augment.application.benchmark.KnowledgeInjectionSpec;
import io.augment.application.benchmark.KnowledgePresets;
import io.augment.application.benchmark.TrainedModel;
import io.augment.bootstrap.bench.KnowledgeBenchmark;
import io.augment.domain.evaluation.ContenderResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole knowledge-injection protocol at the tiny size, as the command runs it: it checks the
 * pipeline and the report (every contender scored on both sets, every section written, the base
 * model reused the second time), not the outcome, which a 3-step model cannot have.
 */
class KnowledgeInjectionBenchmarkSliceTest {

  @Test
  void runsTheWholeProtocolWritesEveryReportAndReusesTheBaseModelTheSecondTime(@TempDir Path dir) throws Exception {
    KnowledgeInjectionSpec spec = KnowledgePresets.tiny();
    Path engine = dir.resolve("engine");
    Path out = dir.resolve("report/knowledge-injection");

    KnowledgeInjectionResult first = KnowledgeBenchmark.run(spec, engine, out, dir);

    assertFalse(first.baseModel().reused(), "the first run trains its base model");
    assertEquals(4, first.injected().size());
    assertTrue(first.injected().stream().noneMatch(TrainedModel::reused));
    List<ContenderResult> results = first.run().results();
    assertEquals(8, results.size());
    for (ContenderResult c : results) {
      assertEquals(spec.world().entitiesB() * 4, c.scores().questions(), c.contender());
    }
    String kb = first.knowledgeBase();
    String base = first.baseModel().name();
    assertTrue(results.stream().anyMatch(c -> c.contender().equals("rag:" + kb + "+adapter:" + base)));
    assertTrue(results.stream().anyMatch(c -> c.contender().equals("rag:" + kb + "@extractive")));
    assertTrue(results.stream().anyMatch(c -> c.contender().equals("adapter:" + base) && c.control() != null
        && c.control().questions() == spec.world().entitiesA() * 4), "the base model is scored on the control set");
    assertTrue(first.ingestMillis() > 0);
    assertTrue(first.oneMoreFact().ragIngestMillis() > 0 && first.oneMoreFact().loraSeconds() > 0
        && first.oneMoreFact().fullSeconds() > 0);

    String md = Files.readString(Path.of(out + ".md"));
    for (String section : List.of("Knowledge-injection setup", "Base-model quality", "Injection runs",
        "Cost of one more fact")) {
      assertTrue(md.contains(section), section);
    }
    assertTrue(md.contains("adapter:" + first.injected().get(3).name()));
    String html = Files.readString(Path.of(out + ".html"));
    assertTrue(html.contains("<svg") && html.contains("Base-model quality"));
    String json = Files.readString(Path.of(out + ".json"));
    assertTrue(json.contains("\"closedBookA\"") && json.contains("\"oneMoreFact\""), json.substring(0, 200));

    KnowledgeInjectionResult second = KnowledgeBenchmark.run(spec, engine, out, dir);
    assertTrue(second.baseModel().reused(), "the same world and recipe reuse the cached base model");
    assertEquals(base, second.baseModel().name());
    assertTrue(second.injected().stream().allMatch(TrainedModel::reused));
    assertTrue(Files.readString(Path.of(out + ".md")).contains("reused from the catalog"));
  }
}
