package io.augment.application.summary;

import io.augment.domain.generation.Summarizer;
import io.augment.domain.job.Progress;
import io.augment.domain.model.Chunk;
import io.augment.domain.model.Document;
import io.augment.domain.model.KnowledgeBase;
import io.augment.domain.model.NotFoundException;
import io.augment.domain.persistence.DocumentRepository;
import io.augment.domain.persistence.KnowledgeBaseRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Summarises every chunk of a knowledge base, map-reduce style: each group of chunks is condensed,
 * then groups of partial summaries, until one group remains. Results are cached per knowledge-base
 * revision and request.
 */
public final class SummarizeKnowledgeBase {
  private static final int PAGE = 500;

  private final KnowledgeBaseRepository knowledgeBases;
  private final DocumentRepository documents;
  private final Summarizer summarizer;
  private final Map<String, Summary> cache = new ConcurrentHashMap<>();

  public SummarizeKnowledgeBase(KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, Summarizer summarizer) {
    this.knowledgeBases = knowledgeBases;
    this.documents = documents;
    this.summarizer = summarizer;
  }

  /** The cached summary for the knowledge base's current revision, if any. */
  public Summary cached(SummaryRequest request) {
    Summary hit = cache.get(key(request, require(request.knowledgeBase()).revision()));
    return hit == null ? null : hit.fromCache();
  }

  /**
   * Computes (or returns the cached) summary, reporting progress in chunks read.
   *
   * @throws CancellationException when {@code cancelled} turns true
   */
  public Summary summarize(SummaryRequest request, Consumer<Progress> progress, BooleanSupplier cancelled) {
    KnowledgeBase kb = require(request.knowledgeBase());
    String key = key(request, kb.revision());
    Summary hit = cache.get(key);
    if (hit != null) {
      progress.accept(Progress.of(hit.chunksRead(), hit.totalChunks(), "chunks", Duration.ZERO));
      return hit.fromCache();
    }
    long start = System.nanoTime();
    long total = documents.chunkCount(kb.name());
    long read = 0;
    long docs = 0;
    List<String> group = new ArrayList<>(request.groupSize());
    List<String> partials = new ArrayList<>();
    progress.accept(Progress.of(0, total, "chunks", Duration.ZERO));
    for (int offset = 0; ; offset += PAGE) {
      List<Document> page = documents.findAll(kb.name(), offset, PAGE);
      for (Document document : page) {
        docs++;
        for (Chunk chunk : documents.chunks(kb.name(), document.id())) {
          group.add(chunk.text());
          read++;
          if (group.size() == request.groupSize()) {
            partials.add(condense(group, request.sentencesPerGroup(), cancelled));
            group.clear();
            progress.accept(Progress.of(read, total, "chunks", Duration.ofNanos(System.nanoTime() - start)));
          }
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    String text;
    int levels = 1;
    if (partials.isEmpty()) {
      // Everything fits in one group: summarise the chunks directly.
      text = condense(group, request.maxSentences(), cancelled);
    } else {
      if (!group.isEmpty()) {
        partials.add(condense(group, request.sentencesPerGroup(), cancelled));
      }
      while (partials.size() > request.groupSize()) {
        List<String> next = new ArrayList<>();
        for (int i = 0; i < partials.size(); i += request.groupSize()) {
          next.add(condense(partials.subList(i, Math.min(partials.size(), i + request.groupSize())),
              request.sentencesPerGroup(), cancelled));
        }
        partials = next;
        levels++;
      }
      text = condense(partials, request.maxSentences(), cancelled);
      levels++;
    }
    progress.accept(Progress.of(read, total, "chunks", Duration.ofNanos(System.nanoTime() - start)));
    Summary summary = new Summary(kb.name(), kb.revision(), text, summarizer.id(), summarizer.extractive(), read,
        Math.max(total, read), docs, levels, false, (System.nanoTime() - start) / 1e6);
    cache.keySet().removeIf(k -> k.startsWith(kb.name() + "@"));
    cache.put(key, summary);
    return summary;
  }

  private String condense(List<String> texts, int sentences, BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("summary cancelled");
    }
    return summarizer.summarize(texts, sentences);
  }

  private KnowledgeBase require(String name) {
    return knowledgeBases.find(name).orElseThrow(() -> new NotFoundException("knowledge base", name));
  }

  private static String key(SummaryRequest r, long revision) {
    return r.knowledgeBase() + "@" + revision + "/" + r.groupSize() + "/" + r.sentencesPerGroup() + "/" + r.maxSentences();
  }
}
