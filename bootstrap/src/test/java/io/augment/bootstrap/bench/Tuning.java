package io.augment.bootstrap.bench;

import io.augment.application.retrieval.FusionWeights;
import java.util.List;

/**
 * The fusion setting used for every hybrid mode, chosen from the sweep with one rule for all
 * datasets: the highest mean nDCG@10 among settings where hybrid scores at least the better of
 * BM25 and dense on every dataset; when none does, the one that misses by the least.
 *
 * @param grids one sweep per dataset, the same settings in the same order
 * @param bars  per dataset, the better of BM25's and dense's nDCG@10
 */
record Tuning(List<List<FusionSweep.Row>> grids, List<Double> bars) {

  /** Index of the chosen setting in each grid. */
  int chosen() {
    int best = -1;
    boolean bestMeets = false;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < grids.get(0).size(); i++) {
      boolean meets = margin(i) >= 0;
      double score = meets ? meanNdcg(i) : margin(i);
      if ((meets && !bestMeets) || (meets == bestMeets && score > bestScore)) {
        best = i;
        bestMeets = meets;
        bestScore = score;
      }
    }
    return best;
  }

  FusionWeights weights() {
    return grids.get(0).get(chosen()).weights();
  }

  int depth() {
    return grids.get(0).get(chosen()).depth();
  }

  /** The smallest, over datasets, of hybrid's nDCG@10 minus the bar. */
  double margin(int setting) {
    double min = Double.POSITIVE_INFINITY;
    for (int d = 0; d < grids.size(); d++) {
      min = Math.min(min, grids.get(d).get(setting).metrics().ndcg10() - bars.get(d));
    }
    return min;
  }

  double meanNdcg(int setting) {
    return grids.stream().mapToDouble(g -> g.get(setting).metrics().ndcg10()).average().orElse(0);
  }
}
