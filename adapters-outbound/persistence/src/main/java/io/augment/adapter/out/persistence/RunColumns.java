package io.augment.adapter.out.persistence;

import io.augment.domain.evaluation.Contender;
import io.augment.domain.evaluation.ContenderCost;
import io.augment.domain.evaluation.ContenderResult;
import io.augment.domain.evaluation.Scores;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The nested parts of an evaluation run as {@link TextList} columns. Numbers are written with
 * {@code toString} and read with {@code valueOf}, which round-trips every double exactly; a null
 * field stays null.
 */
final class RunColumns {
  private RunColumns() {}

  static String contenders(List<Contender> contenders) {
    return TextList.encode(contenders.stream()
        .map(c -> TextList.encode(Arrays.asList(c.knowledgeBase(), c.adapter(), c.generator())))
        .toList());
  }

  static List<Contender> contenders(String column) {
    return TextList.decode(column).stream().map(TextList::decode)
        .map(f -> new Contender(f.get(0), f.get(1), f.get(2)))
        .toList();
  }

  static String results(List<ContenderResult> results) {
    return TextList.encode(results.stream()
        .map(r -> TextList.encode(Arrays.asList(r.contender(), scores(r.scores()), scores(r.control()), cost(r.cost()))))
        .toList());
  }

  static List<ContenderResult> results(String column) {
    return TextList.decode(column).stream().map(TextList::decode)
        .map(f -> new ContenderResult(f.get(0), scores(f.get(1)), scores(f.get(2)), cost(f.get(3))))
        .toList();
  }

  private static String scores(Scores s) {
    return s == null ? null : fields(s.questions(), s.exactMatch(), s.f1(), s.contains(), s.recallAtK(), s.mrr(),
        s.citesGold(), s.latencyP50Ms(), s.latencyP95Ms(), s.tokensIn(), s.tokensOut());
  }

  private static Scores scores(String column) {
    if (column == null) {
      return null;
    }
    List<String> f = TextList.decode(column);
    return new Scores(Integer.parseInt(f.get(0)), Double.parseDouble(f.get(1)), Double.parseDouble(f.get(2)),
        Double.parseDouble(f.get(3)), number(f.get(4), Double::valueOf), number(f.get(5), Double::valueOf),
        number(f.get(6), Double::valueOf), Double.parseDouble(f.get(7)), Double.parseDouble(f.get(8)),
        Long.parseLong(f.get(9)), Long.parseLong(f.get(10)));
  }

  private static String cost(ContenderCost c) {
    return c == null ? null : fields(c.trainableParameters(), c.totalParameters(), c.trainingSeconds(),
        c.trainingTokensPerSecond(), c.peakMemoryBytes(), c.artifactBytes(), c.ingestMillis(), c.indexBytes(), c.chunks());
  }

  private static ContenderCost cost(String column) {
    if (column == null) {
      return null;
    }
    List<String> f = TextList.decode(column);
    return new ContenderCost(number(f.get(0), Long::valueOf), number(f.get(1), Long::valueOf),
        number(f.get(2), Double::valueOf), number(f.get(3), Double::valueOf), number(f.get(4), Long::valueOf),
        number(f.get(5), Long::valueOf), number(f.get(6), Long::valueOf), number(f.get(7), Long::valueOf),
        number(f.get(8), Long::valueOf));
  }

  private static String fields(Object... values) {
    return TextList.encode(Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList());
  }

  private static <T> T number(String text, Function<String, T> parse) {
    return text == null ? null : parse.apply(text);
  }
}
