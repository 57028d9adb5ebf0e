package io.augment.bootstrap.openai;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Seeds knowledge bases through the REST API for the OpenAI API tests. */
final class KnowledgeBases {
  static final String EMBEDDING_MODEL = "all-minilm-l6-v2";
  static final String BASE_MODEL = "extractive";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String KBS = "/api/v1/knowledge-bases";

  private static String shared;

  private KnowledgeBases() {}

  /** One seeded knowledge base per test JVM (the app is up by the time a test method runs). */
  static synchronized String shared() {
    if (shared == null) {
      shared = seeded();
    }
    return shared;
  }

  /** A new knowledge base holding a document about tides and one about bread; returns its name. */
  static String seeded() {
    String kb = "oai-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    given().contentType(ContentType.JSON).body(Map.of("name", kb)).post(KBS).then().statusCode(201);
    ingest(kb, "tides", "Tides", "Tides are caused mainly by the gravitational pull of the Moon on the oceans. "
        + "The Sun contributes a smaller effect, which is why spring tides happen at new and full moon.");
    ingest(kb, "bread", "Bread", "Sourdough bread rises because wild yeast and lactic acid bacteria ferment the dough. "
        + "A starter is kept alive by feeding it flour and water every day.");
    return kb;
  }

  private static void ingest(String kb, String id, String title, String text) {
    given().contentType(ContentType.JSON).body(Map.of("id", id, "title", title, "text", text))
        .post(KBS + "/" + kb + "/documents").then().statusCode(201);
  }
}
