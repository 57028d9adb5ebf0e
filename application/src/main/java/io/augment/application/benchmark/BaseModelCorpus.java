package io.augment.application.benchmark;

import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.application.evaluation.ClosedBook;
import io.augment.domain.adaptation.TrainingExample;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The base model's training examples, prompts rendered exactly as inference renders them
 * ({@link Prompt#plainText()} of the closed-book prompt and of {@link NumberedCitationAugmenter}'s
 * prompt): world A's documents and the reading examples as plain text, learned whole, and closed-book
 * questions as prompt/completion pairs, of which only the answer is learned. Reading examples stay
 * whole on purpose: a passage repeats its person's name, and predicting the repeats is what teaches
 * a small model to copy from its context (with the passages masked, experiment e6, reading people
 * it never saw fell from 0.217 to 0.033). The engine joins examples with end-of-text, which teaches
 * the model to stop after the answer.
 */
public final class BaseModelCorpus {
  /** Prompt budget of reading prompts: large enough that no source is ever dropped. */
  static final int BUDGET = 100_000;
  private static final NumberedCitationAugmenter AUGMENTER = new NumberedCitationAugmenter(TokenCounter.APPROXIMATE);

  private BaseModelCorpus() {}

  /** The training examples' texts, as a model trained on every token would see them. */
  public static List<String> texts(World world, BaseModelRecipe recipe) {
    return examples(world, recipe).stream().map(TrainingExample::text).toList();
  }

  public static List<TrainingExample> examples(World world, BaseModelRecipe recipe) {
    List<TrainingExample> examples = new ArrayList<>();
    List<WorldDocument> documents = world.a().paraphrasedDocuments();
    for (int r = 0; r < recipe.documentRepeats(); r++) {
      documents.forEach(d -> examples.add(new TrainingExample.Text(d.text())));
    }
    List<WorldQuestion> questions = world.a().trainQuestions();
    for (int r = 0; r < recipe.qaRepeats(); r++) {
      for (WorldQuestion q : questions) {
        examples.add(new TrainingExample.PromptCompletion(closedBook(q.question()), answer(q.answer())));
      }
    }
    Random random = new Random(recipe.training().seed() * 31 + world.config().seed());
    boolean heldOut = world.reading().people().size() >= 2;
    Readers a = new Readers(world.a());
    Readers held = heldOut ? new Readers(world.reading()) : a;
    for (int i = 0; i < recipe.readingExamples(); i++) {
      // one in four over world A (what the model knows), the rest over held-out people (pure reading)
      examples.add(readingExample(i % 4 != 0 ? held : a, recipe.maxPassages(), random));
    }
    Collections.shuffle(examples, random);
    return examples;
  }

  /** A part's documents and training questions, rendered once (a part renders them on every call). */
  private record Readers(int people, List<WorldDocument> docs, List<WorldQuestion> questions,
      java.util.Map<String, List<WorldDocument>> byPerson) {
    Readers(WorldPart part) {
      this(part.people().size(), part.paraphrasedDocuments(), part.trainQuestions());
    }

    Readers(int people, List<WorldDocument> docs, List<WorldQuestion> questions) {
      this(people, docs, questions, docs.stream().collect(java.util.stream.Collectors.groupingBy(WorldDocument::personId)));
    }
  }

  private static TrainingExample readingExample(Readers readers, int maxPassages, Random random) {
    List<WorldDocument> docs = readers.docs();
    List<WorldQuestion> questions = readers.questions();
    WorldQuestion q = questions.get(random.nextInt(questions.size()));
    int passages = 1 + random.nextInt(Math.min(maxPassages, readers.people()));
    List<WorldDocument> sources = new ArrayList<>();
    List<WorldDocument> own = readers.byPerson().get(q.documentId());
    sources.add(own.get(random.nextInt(own.size())));
    while (sources.size() < passages) {
      WorldDocument other = pick(docs, q.documentId(), random);
      if (sources.stream().noneMatch(s -> s.personId().equals(other.personId()))) {
        sources.add(other);
      }
    }
    Collections.shuffle(sources, random);
    return new TrainingExample.Text(reading(q.question(), sources) + answer(q.answer()) + " ["
        + (1 + indexOfPerson(sources, q.documentId())) + "]");
  }

  /**
   * An answer as the model is taught to write it: after a space, because byte-level BPE merges a
   * space into the word after it, so {@code " Velmora"} is the very token sequence the documents
   * hold while {@code "Velmora"} at the start of a line is another; without the space a model must
   * learn to copy between two spellings of every name. Normalised scoring ignores the space.
   */
  public static String answer(String value) {
    return " " + value;
  }

  /** The closed-book prompt's text. */
  public static String closedBook(String question) {
    return ClosedBook.prompt(question).plainText();
  }

  /** The reading prompt's text over these sources, numbered in order, as RAG renders it. */
  public static String reading(String question, List<WorldDocument> sources) {
    return readingPrompt(question, sources).plainText();
  }

  static Prompt readingPrompt(String question, List<WorldDocument> sources) {
    List<ScoredChunk> chunks = new ArrayList<>();
    for (WorldDocument d : sources) {
      chunks.add(new ScoredChunk(new Chunk(Chunk.idOf(d.id(), 0), d.id(), 0, d.title(), d.text(),
          TokenCounter.APPROXIMATE.count(d.text()), null), 1.0));
    }
    return AUGMENTER.augment(question, chunks, BUDGET);
  }

  /** A random document about someone other than {@code personId}. */
  private static WorldDocument pick(List<WorldDocument> docs, String personId, Random random) {
    while (true) {
      WorldDocument d = docs.get(random.nextInt(docs.size()));
      if (!d.personId().equals(personId)) {
        return d;
      }
    }
  }

  private static int indexOfPerson(List<WorldDocument> sources, String personId) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).personId().equals(personId)) {
        return i;
      }
    }
    throw new IllegalStateException("gold source missing");
  }
}
