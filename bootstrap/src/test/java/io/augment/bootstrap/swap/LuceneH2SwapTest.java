package io.augment.bootstrap.swap;

import org.junit.jupiter.api.Tag;
import io.quarkus.test.junit.QuarkusTest;

/** The embedded defaults: Lucene on disk, H2 through Hibernate ORM, extractive generator. */
@QuarkusTest
@Tag("shared-app")
class LuceneH2SwapTest extends SwapScenario {
  @Override
  protected String expectedGenerator() {
    return "extractive";
  }
}
