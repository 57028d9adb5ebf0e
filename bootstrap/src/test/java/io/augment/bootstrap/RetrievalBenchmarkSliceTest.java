package io.augment.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.augment.adapter.out.langchain4j.EmbeddingReranker;
import io.augment.adapter.out.langchain4j.LangChain4jEmbeddingModel;
import io.augment.bootstrap.bench.BenchMode;
import io.augment.bootstrap.bench.ModeRun;
import io.augment.bootstrap.bench.RetrievalBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retrieval benchmark's code on the first 20 XQuAD paragraphs (about 100 questions) and their questions. */
class RetrievalBenchmarkSliceTest {
  private static final Path XQUAD = Path.of("").toAbsolutePath().getParent()
      .resolveSibling("shared").resolve("datasets/xquad-en/derived");

  @Test
  void everyModeFindsTheAnsweringParagraphAndHybridIsNoWorseThanItsWeakerList(@TempDir Path work) throws Exception {
    assumeTrue(Files.isRegularFile(XQUAD.resolve("corpus.jsonl")),
        "SKIPPED: no XQuAD dataset at " + XQUAD + " (the shared datasets are not on this machine)");

    List<ModeRun> runs = RetrievalBenchmark.slice(XQUAD, 20, LangChain4jEmbeddingModel.allMiniLmL6V2(),
        EmbeddingReranker.bgeSmallEnV15(), work);
    Map<BenchMode, ModeRun> byMode = runs.stream().collect(Collectors.toMap(ModeRun::mode, Function.identity()));

    for (ModeRun run : runs) {
      if (run.mode() == BenchMode.HYBRID_HYDE) {
        assertThat(run.metrics()).as("HyDE needs a generative model; the extractive one is not").isNull();
        assertThat(run.notes()).anyMatch(n -> n.startsWith("hyde skipped"));
      } else {
        assertThat(run.queries()).as(run.mode().label).isGreaterThan(50);
        assertThat(run.metrics().recall10()).as(run.mode().label + " recall@10").isGreaterThan(0.5);
        assertThat(run.metrics().ndcg10()).as(run.mode().label + " nDCG@10").isBetween(0.3, 1.0);
      }
    }
    double hybrid = byMode.get(BenchMode.HYBRID).metrics().ndcg10();
    assertThat(hybrid).isGreaterThanOrEqualTo(Math.min(byMode.get(BenchMode.BM25).metrics().ndcg10(),
        byMode.get(BenchMode.DENSE).metrics().ndcg10()));
  }
}
