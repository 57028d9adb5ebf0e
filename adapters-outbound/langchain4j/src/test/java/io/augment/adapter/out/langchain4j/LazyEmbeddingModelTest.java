package io.augment.adapter.out.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.model.EmbeddingSpec;
import io.augment.domain.retrieval.EmbeddingModel;
import io.augment.domain.testing.EmbeddingModelContract;
import io.augment.domain.testing.HashingEmbeddingModel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyEmbeddingModelTest extends EmbeddingModelContract {
  private static final LazyEmbeddingModel MINILM = LazyEmbeddingModel.allMiniLmL6V2();

  @Override
  protected EmbeddingModel model() {
    return MINILM;
  }

  @Test
  void declaresTheSpecTheBundledModelHasWithoutLoadingIt() {
    LazyEmbeddingModel lazy = LazyEmbeddingModel.allMiniLmL6V2();
    assertThat(lazy.spec()).isEqualTo(new EmbeddingSpec("all-minilm-l6-v2", 384, 256));
    assertThat(lazy.loaded()).isFalse();
    assertThat(lazy.load().spec()).isEqualTo(lazy.spec());
    assertThat(lazy.loaded()).isTrue();
  }

  @Test
  void loadsOnceOnFirstUse() {
    AtomicInteger loads = new AtomicInteger();
    HashingEmbeddingModel real = new HashingEmbeddingModel();
    LazyEmbeddingModel lazy = new LazyEmbeddingModel(real.spec(), () -> {
      loads.incrementAndGet();
      return real;
    });
    assertThat(loads).hasValue(0);
    lazy.embed("a");
    lazy.countTokens("b c");
    assertThat(loads).hasValue(1);
  }

  @Test
  void refusesAModelWhoseSpecIsNotTheDeclaredOne() {
    HashingEmbeddingModel real = new HashingEmbeddingModel();
    LazyEmbeddingModel lazy = new LazyEmbeddingModel(new EmbeddingSpec("other", 64, 128), () -> real);
    assertThatThrownBy(() -> lazy.embed("a")).isInstanceOf(IllegalStateException.class).hasMessageContaining("declared");
  }
}
