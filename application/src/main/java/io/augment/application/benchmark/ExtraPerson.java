package io.augment.application.benchmark;

/** One more person, added after the benchmark to measure what a single new fact costs. */
final class ExtraPerson {
  private ExtraPerson() {}

  /** A document about a person in none of the world's parts (names checked against world B's). */
  static WorldDocument document(World world) {
    for (long salt = 1; ; salt++) {
      WorldConfig c = new WorldConfig(world.config().seed() ^ (0x9E3779B97F4A7C15L * salt), 1, 1, 0, 1);
      Person p = World.generate(c).b().people().get(0);
      boolean fresh = world.b().people().stream().noneMatch(x -> x.name().equals(p.name()))
          && world.a().people().stream().noneMatch(x -> x.name().equals(p.name()));
      if (fresh) {
        Person extra = new Person("b-extra", p.name(), p.city(), p.year(), p.employer(), p.field());
        return new WorldDocument(extra.id(), extra.id(), extra.name(), WorldTemplates.document(extra, 0));
      }
    }
  }
}
