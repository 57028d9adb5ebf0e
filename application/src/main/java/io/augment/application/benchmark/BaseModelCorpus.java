package io.augment.application.benchmark;

import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.application.evaluation.ClosedBook;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.model.Chunk;
import io.augment.domain.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The base model's training texts. Prompts are rendered exactly as inference renders them
 * ({@link Prompt#plainText()} of the closed-book prompt and of {@link NumberedCitationAugmenter}'s
 * prompt), followed by the answer; the engine joins texts with end-of-text, which teaches the
 * model to stop after the answer.
 */
public final class BaseModelCorpus {
  /** Prompt budget of reading prompts: large enough that no source is ever dropped. */
  static final int BUDGET = 100_000;
  private static final NumberedCitationAugmenter AUGMENTER = new NumberedCitationAugmenter(TokenCounter.APPROXIMATE);

  private BaseModelCorpus() {}

  public static List<String> texts(World world, BaseModelRecipe recipe) {
    List<String> texts = new ArrayList<>();
    world.a().paraphrasedDocuments().forEach(d -> texts.add(d.text()));
    for (int r = 0; r < recipe.qaRepeats(); r++) {
      for (WorldQuestion q : world.a().trainQuestions()) {
        texts.add(closedBook(q.question()) + answer(q.answer()));
      }
    }
    Random random = new Random(recipe.training().seed() * 31 + world.config().seed());
    boolean heldOut = world.reading().people().size() >= 2;
    for (int i = 0; i < recipe.readingExamples(); i++) {
      // one in four over world A (what the model knows), the rest over held-out people (pure reading)
      WorldPart readers = heldOut && i % 4 != 0 ? world.reading() : world.a();
      texts.add(readingExample(readers, recipe.maxPassages(), random));
    }
    Collections.shuffle(texts, random);
    return texts;
  }

  private static String readingExample(WorldPart readers, int maxPassages, Random random) {
    List<WorldDocument> docs = readers.paraphrasedDocuments();
    List<WorldQuestion> questions = readers.trainQuestions();
    WorldQuestion q = questions.get(random.nextInt(questions.size()));
    int passages = 1 + random.nextInt(Math.min(maxPassages, readers.people().size()));
    List<WorldDocument> sources = new ArrayList<>();
    sources.add(pick(docs, q.documentId(), true, random));
    while (sources.size() < passages) {
      WorldDocument other = pick(docs, q.documentId(), false, random);
      if (sources.stream().noneMatch(s -> s.personId().equals(other.personId()))) {
        sources.add(other);
      }
    }
    Collections.shuffle(sources, random);
    return reading(q.question(), sources) + answer(q.answer()) + " [" + (1 + indexOfPerson(sources, q.documentId())) + "]";
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

  private static WorldDocument pick(List<WorldDocument> docs, String personId, boolean same, Random random) {
    while (true) {
      WorldDocument d = docs.get(random.nextInt(docs.size()));
      if (d.personId().equals(personId) == same) {
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
