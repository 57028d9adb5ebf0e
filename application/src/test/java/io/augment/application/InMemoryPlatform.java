package io.augment.application;

import io.augment.adapter.out.memory.InMemoryDocumentRepository;
import io.augment.adapter.out.memory.InMemoryKnowledgeBaseRepository;
import io.augment.adapter.out.memory.InMemoryVectorIndex;
import io.augment.application.augmentation.NumberedCitationAugmenter;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.index.IndexSync;
import io.augment.application.ingest.IngestDocuments;
import io.augment.application.ingest.IngestResult;
import io.augment.application.ingest.ManageDocuments;
import io.augment.application.knowledgebase.CreateKnowledgeBaseCommand;
import io.augment.application.knowledgebase.ManageKnowledgeBases;
import io.augment.application.query.AnswerQuestion;
import io.augment.application.query.SearchKnowledgeBase;
import io.augment.application.retrieval.EmbeddingModels;
import io.augment.domain.augmentation.Prompt;
import io.augment.domain.augmentation.TokenCounter;
import io.augment.domain.generation.Generation;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import io.augment.domain.generation.TokenUsage;
import io.augment.domain.ingest.DocumentParser;
import io.augment.domain.ingest.ParsedDocument;
import io.augment.domain.model.ChunkingSettings;
import io.augment.domain.retrieval.VectorIndex;
import io.augment.domain.testing.HashingEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The use cases wired over the in-memory adapters and a hashing embedding model. */
public final class InMemoryPlatform {
  public final HashingEmbeddingModel model;
  public final InMemoryDocumentRepository documentRepository = new InMemoryDocumentRepository();
  public final InMemoryKnowledgeBaseRepository knowledgeBaseRepository = new InMemoryKnowledgeBaseRepository(documentRepository);
  public final VectorIndex index;
  public final EmbeddingModels models;
  public final ManageKnowledgeBases knowledgeBases;
  public final IndexSync sync;
  public final IngestDocuments ingest;
  public final ManageDocuments documents;
  public final SearchKnowledgeBase search;
  public final AnswerQuestion answers;
  /** Every ingest result, in order, as the listener heard them. */
  public final List<IngestResult> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

  public InMemoryPlatform() {
    this(new HashingEmbeddingModel(), 8, 1_000_000);
  }

  /** The use cases over {@code index} (e.g. one that can simulate a crash) instead of the in-memory one. */
  public InMemoryPlatform(VectorIndex index) {
    this(new HashingEmbeddingModel(), 8, 1_000_000, index);
  }

  public InMemoryPlatform(HashingEmbeddingModel model, int batchSize, long maxDocumentBytes) {
    this(model, batchSize, maxDocumentBytes, new InMemoryVectorIndex());
  }

  private InMemoryPlatform(HashingEmbeddingModel model, int batchSize, long maxDocumentBytes, VectorIndex index) {
    this.model = model;
    this.index = index;
    models = new EmbeddingModels(List.of(model), model.spec().modelId());
    sync = new IndexSync(knowledgeBaseRepository, documentRepository, index, models);
    knowledgeBases = new ManageKnowledgeBases(knowledgeBaseRepository, documentRepository, index, models, sync,
        Clock.systemUTC());
    ingest = new IngestDocuments(knowledgeBaseRepository, documentRepository, index, models,
        new DocumentParsers(List.of(new PlainText())), sync, Clock.systemUTC(), batchSize, maxDocumentBytes,
        (kb, result) -> heard.add(result));
    documents = new ManageDocuments(knowledgeBaseRepository, documentRepository, index, sync);
    search = new SearchKnowledgeBase(knowledgeBaseRepository, index, models);
    answers = new AnswerQuestion(search, new NumberedCitationAugmenter(TokenCounter.APPROXIMATE), new QuoteFirstSource(), 2000);
  }

  public void createKnowledgeBase(String name, int chunkSize, int overlap) {
    knowledgeBases.create(new CreateKnowledgeBaseCommand(name, "", null, new ChunkingSettings(chunkSize, overlap)));
  }

  /** Reads UTF-8 text; the first line starting with "# " is the title. */
  public static final class PlainText implements DocumentParser {
    @Override
    public Set<String> mediaTypes() {
      return Set.of("text/plain");
    }

    @Override
    public ParsedDocument parse(byte[] content) {
      String text = new String(content, StandardCharsets.UTF_8);
      if (text.startsWith("# ")) {
        int end = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        return new ParsedDocument(text.substring(2, end).strip(), text.substring(end).strip());
      }
      return new ParsedDocument(null, text);
    }
  }

  /** Answers with the first source's text and cites every source, so tests can see what reached it. */
  public static final class QuoteFirstSource implements Generator {
    @Override
    public String id() {
      return "quote-first";
    }

    @Override
    public boolean generative() {
      return false;
    }

    @Override
    public Generation generate(Prompt prompt, GenerationOptions options) {
      String text = prompt.context().isEmpty() ? "no sources"
          : prompt.context().get(0).source().chunk().text() + " "
              + prompt.context().stream().map(c -> "[" + c.number() + "]").collect(Collectors.joining());
      return new Generation(text, id(), true, new TokenUsage(prompt.tokenCount(), 1), "stop");
    }
  }
}
