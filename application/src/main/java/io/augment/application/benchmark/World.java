package io.augment.application.benchmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded fictional world in three disjoint parts: A (what the base model learns), B (the new
 * knowledge to inject) and R (held-out people the base model only reads about). Names and the
 * city, company and field values are invented and never shared between parts; years may repeat.
 * The same {@link WorldConfig} always gives the same world, text for text.
 */
public record World(WorldConfig config, WorldPart a, WorldPart b, WorldPart reading) {
  private static final String[] COMPANY_KINDS = {"Works", "Labs", "Industries", "Systems", "Foundry", "Trading"};
  private static final String[] FIELD_ENDINGS = {"ology", "onics", "metry", "istics"};

  public static World generate(WorldConfig config) {
    Random random = new Random(config.seed());
    Syllables words = new Syllables(random, new HashSet<>());
    WorldPart a = part("A", "a", config.entitiesA(), config, random, words);
    WorldPart b = part("B", "b", config.entitiesB(), config, random, words);
    WorldPart r = part("R", "r", config.readingEntities(), config, random, words);
    return new World(config, a, b, r);
  }

  private static WorldPart part(String label, String prefix, int count, WorldConfig config, Random random,
      Syllables words) {
    int pool = Math.max(3, (count + 2) / 3);
    List<String> cities = new ArrayList<>();
    List<String> companies = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < pool; i++) {
      cities.add(Syllables.capitalised(words.fresh(2, 3)));
      companies.add(Syllables.capitalised(words.fresh(2, 2)) + " " + words.pick(COMPANY_KINDS));
      fields.add(words.fresh(1, 2) + words.pick(FIELD_ENDINGS));
    }
    Set<String> names = new HashSet<>();
    List<Person> people = new ArrayList<>();
    List<int[]> styles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = Syllables.capitalised(words.fresh(2, 2)) + " " + Syllables.capitalised(words.fresh(2, 3));
      names.add(name);
      String id = String.format("%s-%04d", prefix, i + 1);
      people.add(new Person(id, name, cities.get(random.nextInt(pool)), Integer.toString(1900 + random.nextInt(100)),
          companies.get(random.nextInt(pool)), fields.get(random.nextInt(pool))));
      styles.add(styleOrder(random, config.paraphrases()));
    }
    return new WorldPart(label, people, styles);
  }

  /** {@code n} distinct document styles in a seeded order. */
  private static int[] styleOrder(Random random, int n) {
    int[] all = new int[WorldTemplates.DOCUMENT_STYLES];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    for (int i = all.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return java.util.Arrays.copyOf(all, n);
  }
}
