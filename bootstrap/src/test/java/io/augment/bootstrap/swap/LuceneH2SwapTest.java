package io.augment.bootstrap.swap;

import io.quarkus.test.junit.QuarkusTest;

/** The embedded defaults: Lucene on disk, H2 through Hibernate ORM, extractive generator. */
@QuarkusTest
class LuceneH2SwapTest extends SwapScenario {
  @Override
  protected String expectedGenerator() {
    return "extractive";
  }
}
