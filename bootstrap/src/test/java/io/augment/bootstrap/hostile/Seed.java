package io.augment.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The stored state the battery attacks: two knowledge bases with a few documents each. */
final class Seed {
  /** The knowledge base most cases write to. */
  static final String KB = "hostile";
  /** The knowledge base that path tricks try to reach. */
  static final String VICTIM = "victim";
  /** A word in every text a hostile request tries to store, and in no seeded one: a search for it finds leaks. */
  static final String NONCE = "zanzibarquux";

  private Seed() {}

  static void plant(Http http) {
    create(http, KB, "hybrid");
    plantVictim(http);
    ingest(http, KB, "{\"id\":\"tides\",\"title\":\"Tides\",\"metadata\":{\"team\":\"ocean\",\"tags\":\"sea,moon\",\"date\":\"2024-03-01\"},"
        + "\"text\":\"Tides are caused mainly by the gravitational pull of the Moon on the oceans. "
        + "The Sun contributes a smaller effect, which is why spring tides happen at new and full moon.\"}");
    ingest(http, KB, "{\"id\":\"bread\",\"title\":\"Bread\",\"metadata\":{\"team\":\"kitchen\"},"
        + "\"text\":\"Sourdough bread rises because wild yeast and lactic acid bacteria ferment the dough. "
        + "A starter is kept alive by feeding it flour and water every day.\"}");
    ingest(http, KB, "{\"id\":\"glaciers\",\"title\":\"Glaciers\",\"mediaType\":\"text/markdown\","
        + "\"text\":\"# Glaciers\\n\\nGlaciers form where snow piles up faster than it melts and compacts into ice.\"}");
  }

  /** Plants the victim again if a case deleted it, so that every path trick has something to aim at. */
  static void restoreVictim(Http http) {
    if (http.get("/api/v1/knowledge-bases/" + VICTIM).status() == 404) {
      plantVictim(http);
    }
  }

  private static void plantVictim(Http http) {
    create(http, VICTIM, "dense");
    ingest(http, VICTIM, "{\"id\":\"secret\",\"title\":\"Secret\",\"text\":\"The victim keeps one document about volcanoes and magma.\"}");
    ingest(http, VICTIM, "{\"id\":\"x\",\"title\":\"X\",\"text\":\"A document whose id is one letter, next to path tricks.\"}");
  }

  /** Searches whose results must not change: one finds every leaked hostile text. */
  static List<String[]> searches() {
    return List.of(
        new String[] {KB, "{\"query\":\"" + NONCE + "\",\"mode\":\"bm25\",\"topK\":100}"},
        new String[] {KB, "{\"query\":\"hostile text\",\"mode\":\"bm25\",\"topK\":100}"},
        new String[] {KB, "{\"query\":\"What causes the tides?\",\"mode\":\"dense\",\"topK\":10}"},
        new String[] {VICTIM, "{\"query\":\"" + NONCE + "\",\"mode\":\"bm25\",\"topK\":100}"},
        new String[] {VICTIM, "{\"query\":\"volcanoes\",\"topK\":10}"});
  }

  private static void create(Http http, String name, String mode) {
    Http.Reply reply = http.json("POST", "/api/v1/knowledge-bases",
        "{\"name\":\"" + name + "\",\"description\":\"seeded\",\"retrievalMode\":\"" + mode + "\"}");
    assertThat(reply.status()).as(reply.summary()).isEqualTo(201);
  }

  private static void ingest(Http http, String kb, String json) {
    Http.Reply reply = http.json("POST", "/api/v1/knowledge-bases/" + kb + "/documents", json);
    assertThat(reply.status()).as(reply.summary()).isEqualTo(201);
  }
}
