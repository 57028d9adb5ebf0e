package io.augment.application.evaluation;

import io.augment.adapter.out.memory.InMemoryEvaluationRunRepository;
import io.augment.adapter.out.memory.InMemoryEvaluationSetRepository;
import io.augment.application.InMemoryPlatform;
import io.augment.application.generation.Generators;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.adaptation.AdaptationMethod;
import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.TrainingCost;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.EvaluationQuestion;
import io.augment.domain.evaluation.EvaluationRunSpec;
import io.augment.domain.evaluation.EvaluationSet;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenUsage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The evaluation use cases over the in-memory platform: a knowledge base "handbook" of
 * {@value #FACTS} one-fact documents, a trained model "tuned" in a stand-in catalog, a stand-in
 * engine and a closed-book "oracle" generator whose answers tests script.
 */
final class EvaluationTestbed {
  static final int FACTS = 6;
  static final TrainingCost TUNED_COST = new TrainingCost(1_000_000, 20_000, 12.5, 40_000, 3_200, 512L << 20);

  final InMemoryPlatform platform = new InMemoryPlatform();
  final InMemoryEvaluationSetRepository setRepository = new InMemoryEvaluationSetRepository();
  final InMemoryEvaluationRunRepository runRepository = new InMemoryEvaluationRunRepository();
  final EvaluationSets sets = new EvaluationSets(setRepository, Clock.systemUTC());
  final Catalog catalog = new Catalog();
  /** What the engine answers, from the adapter and prompt; tests may replace it. */
  final Scripted engine = new Scripted("djl:local");
  /** A configured closed-book generator. */
  final Scripted oracle = new Scripted("oracle");
  final Generators generators = new Generators(new InMemoryPlatform.QuoteFirstSource(), List.of(oracle), engine);
  final ContenderAnswers answers = new ContenderAnswers(platform.answers, generators);
  final ContenderCheck check = new ContenderCheck(platform.knowledgeBaseRepository, catalog, generators);
  final ContenderCosts costs = new ContenderCosts(platform.knowledgeBaseRepository, platform.index, catalog);

  EvaluationTestbed() {
    platform.createKnowledgeBase("handbook", 32, 0);
    for (int i = 0; i < FACTS; i++) {
      platform.ingest.ingest("handbook", IngestCommand.text("fact-" + i, "Fact " + i, fact(i), Map.of()));
    }
    catalog.adapters.add(new Adapter("tuned", "base", AdaptationMethod.LORA, 80_000, TUNED_COST));
  }

  static String fact(int i) {
    return "Island " + i + " exports " + crop(i) + ".";
  }

  static String crop(int i) {
    return List.of("coffee", "rubber", "cocoa", "cotton", "tea", "sugar").get(i % FACTS);
  }

  /** Question i asks for fact i; its reference is the crop and its gold document the fact. */
  static List<EvaluationQuestion> questions(int count) {
    return IntStream.range(0, count).mapToObj(i -> new EvaluationQuestion(
        "What does island " + (i % FACTS) + " export?", List.of(crop(i)), List.of("fact-" + (i % FACTS)))).toList();
  }

  EvaluationSet set(String name, int count) {
    return sets.create(name, "", questions(count));
  }

  EvaluationRuns runs(Executor executor) {
    return new EvaluationRuns(setRepository, runRepository, check, answers, costs, executor, Clock.systemUTC());
  }

  static EvaluationRunSpec spec(String set, String control, String... contenders) {
    List<Contender> parsed = new ArrayList<>();
    for (int i = 0; i < contenders.length; i++) {
      parsed.add(Contender.parse("contenders[" + i + "]", contenders[i]));
    }
    return new EvaluationRunSpec(set, control, parsed, 3, 32);
  }

  /** A generator answering by a script of (prompt, options); records what it was asked. */
  static final class Scripted implements Generator {
    private final String id;
    final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    final List<GenerationOptions> options = new CopyOnWriteArrayList<>();
    volatile Function<Prompt, String> script = p -> "I do not know";

    Scripted(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Generation generate(Prompt prompt, GenerationOptions options) {
      prompts.add(prompt);
      this.options.add(options);
      String text = script.apply(prompt);
      return new Generation(text, id, false, new TokenUsage(prompt.tokenCount(), text.split(" ").length), "stop");
    }

    int asked() {
      return prompts.size();
    }
  }

  /** Answers the crop of the island the question names, so an oracle scores exact matches. */
  static String knows(Prompt prompt) {
    String q = prompt.question();
    int island = Integer.parseInt(q.replaceAll("\\D+", ""));
    return crop(island);
  }

  static final class Catalog implements AdapterCatalog {
    final List<Adapter> adapters = new CopyOnWriteArrayList<>();

    @Override
    public List<Adapter> adapters() {
      return List.copyOf(adapters);
    }

    @Override
    public Optional<Adapter> find(String name) {
      return adapters.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    @Override
    public boolean delete(String name) {
      return adapters.removeIf(a -> a.name().equals(name));
    }
  }

  /** Thrown by a generator to stand for the process dying mid-answer (not a failure the run catches). */
  static final class Crash extends Error {
    Crash() {
      super("simulated kill -9", null, false, false);
    }
  }

  /** Runs tasks at once on the caller's thread; a {@link Crash} ends the task as a dead process would. */
  static final Executor DIRECT = task -> {
    try {
      task.run();
    } catch (Crash dead) {
      // the process is gone: nothing after the crash ran
    }
  };
}
