package io.augment.application.retrieval;

import io.augment.domain.augmentation.Prompt;
import io.augment.domain.generation.GenerationOptions;
import io.augment.domain.generation.Generator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bridges the wording gap between questions and passages. With a generative model: HyDE (a
 * hypothetical answer passage to embed) and LLM query rewriting. Without one: no HyDE, and a single
 * keyword rewrite (the question without question words and stop words).
 */
public final class QueryExpander {
  private static final Set<String> STOP = Set.of(
      "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were", "be", "been",
      "do", "does", "did", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "that", "this",
      "these", "those", "it", "its", "by", "with", "as", "at", "from", "about", "into", "can", "could", "would",
      "should", "will", "has", "have", "had", "i", "you", "we", "they", "he", "she", "there", "their", "many", "much");

  private final Generator generator;

  public QueryExpander(Generator generator) {
    this.generator = generator;
  }

  public boolean canWriteHypotheticalAnswers() {
    return generator != null && generator.generative();
  }

  /** A short passage that would answer the question, for its embedding; null without a generative model. */
  public String hypotheticalAnswer(String question) {
    if (!canWriteHypotheticalAnswers()) {
      return null;
    }
    Prompt prompt = Prompt.plain("Write one short encyclopedic paragraph that answers the question. Do not mention the question.",
        question, (question.length() + 3) / 4);
    return generator.generate(prompt, new GenerationOptions(160, 0.0, 1.0, List.of(), null)).text().strip();
  }

  /** Up to {@code n} alternative search queries for the question, never the question itself. */
  public List<String> variants(String question, int n) {
    Set<String> out = new LinkedHashSet<>();
    if (n <= 0) {
      return List.of();
    }
    if (canWriteHypotheticalAnswers()) {
      Prompt prompt = Prompt.plain("Rewrite the question as " + n + " different short search queries, one per line, no numbering.",
          question, (question.length() + 3) / 4);
      for (String line : generator.generate(prompt, new GenerationOptions(40 * n, 0.0, 1.0, List.of(), null)).text().split("\n")) {
        String q = line.replaceAll("^[\\s\\d.)\\-*]+", "").strip();
        if (!q.isEmpty() && !q.equalsIgnoreCase(question)) {
          out.add(q);
        }
      }
    } else {
      String keywords = keywords(question);
      if (!keywords.isEmpty() && !keywords.equalsIgnoreCase(question)) {
        out.add(keywords);
      }
    }
    return new ArrayList<>(out).subList(0, Math.min(n, out.size()));
  }

  static String keywords(String question) {
    List<String> kept = new ArrayList<>();
    for (String word : question.split("[^\\p{L}\\p{N}'-]+")) {
      if (!word.isEmpty() && !STOP.contains(word.toLowerCase(Locale.ROOT))) {
        kept.add(word);
      }
    }
    return String.join(" ", kept);
  }
}
