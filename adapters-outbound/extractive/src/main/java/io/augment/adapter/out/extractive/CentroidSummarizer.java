package io.augment.adapter.out.extractive;

import io.augment.domain.generation.Summarizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extractive summaries by centroid: sentences are TF-IDF vectors over the given texts; the ones
 * closest to the centroid are chosen with maximal marginal relevance (so near-duplicates are not
 * picked twice) and returned in their original order.
 */
public final class CentroidSummarizer implements Summarizer {
  private static final double RELEVANCE_WEIGHT = 0.7;
  private static final int MIN_WORDS = 5;

  @Override
  public String id() {
    return "extractive-centroid";
  }

  @Override
  public boolean extractive() {
    return true;
  }

  @Override
  public String summarize(List<String> texts, int maxSentences) {
    List<String> sentences = new ArrayList<>();
    for (String text : texts) {
      for (String s : SentenceSplitter.split(text)) {
        if (Words.count(s) >= MIN_WORDS && !sentences.contains(s)) {
          sentences.add(s);
        }
      }
    }
    if (sentences.isEmpty()) {
      return String.join(" ", texts).strip();
    }
    List<Map<String, Double>> vectors = tfIdf(sentences);
    Map<String, Double> centroid = new HashMap<>();
    vectors.forEach(v -> v.forEach((t, w) -> centroid.merge(t, w, Double::sum)));
    normalise(centroid);
    List<Integer> chosen = new ArrayList<>();
    while (chosen.size() < Math.min(maxSentences, sentences.size())) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < sentences.size(); i++) {
        if (chosen.contains(i)) {
          continue;
        }
        double redundancy = 0;
        for (int j : chosen) {
          redundancy = Math.max(redundancy, dot(vectors.get(i), vectors.get(j)));
        }
        double score = RELEVANCE_WEIGHT * dot(vectors.get(i), centroid) - (1 - RELEVANCE_WEIGHT) * redundancy;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      chosen.add(best);
    }
    chosen.sort(Integer::compare);
    StringBuilder out = new StringBuilder();
    for (int i : chosen) {
      out.append(out.length() == 0 ? "" : " ").append(sentences.get(i));
    }
    return out.toString();
  }

  private static List<Map<String, Double>> tfIdf(List<String> sentences) {
    List<Map<String, Double>> tfs = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    for (String s : sentences) {
      Map<String, Double> tf = new HashMap<>();
      Terms.of(s).forEach(t -> tf.merge(t, 1.0, Double::sum));
      tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
      tfs.add(tf);
    }
    int n = sentences.size();
    for (Map<String, Double> tf : tfs) {
      tf.replaceAll((t, f) -> (1 + Math.log(f)) * Math.log(1 + (double) n / df.get(t)));
      normalise(tf);
    }
    return tfs;
  }

  private static void normalise(Map<String, Double> v) {
    double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    if (norm > 0) {
      v.replaceAll((t, w) -> w / norm);
    }
  }

  private static double dot(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double sum = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) {
        sum += e.getValue() * w;
      }
    }
    return sum;
  }
}
