package dev.pulse.eval;

import dev.pulse.analyze.Usage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One set-up's results on an evaluation set and the scores computed from them.
 *
 * @param name the set-up's name in the report ("A", "B", or the analyzer)
 * @param analyzer analyzer, model and version, e.g. "llm gpt-4o-mini 3f2a9c1b7d20"
 * @param results one per item, in the set's order
 */
record SetupReport(
    String name, String analyzer, List<EvalItem> items, List<ItemResult> results, LabelMap labels) {

  SetupReport {
    items = List.copyOf(items);
    results = List.copyOf(results);
  }

  int failed() {
    return (int) results.stream().filter(r -> r.error() != null).count();
  }

  /** Category scores over the items with an expected category, or null when none has one. */
  @Nullable LabelScores category() {
    List<@Nullable String[]> pairs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      EvalItem it = items.get(i);
      if (it.category() != null) {
        pairs.add(
            new String[] {it.category(), labels.apply(it.dataset(), results.get(i).category())});
      }
    }
    return pairs.isEmpty() ? null : LabelScores.of(pairs);
  }

  /** Sentiment scores over the items with an expected sentiment, or null when none has one. */
  @Nullable LabelScores sentiment() {
    List<@Nullable String[]> pairs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).sentiment() != null) {
        pairs.add(new String[] {items.get(i).sentiment(), results.get(i).sentiment()});
      }
    }
    return pairs.isEmpty() ? null : LabelScores.of(pairs);
  }

  /**
   * Mean ROUGE F1 against the reference summaries and, second, of the lead baseline (the article's
   * first W words, W the summary's length); a failed item scores 0. Null when no item has a
   * reference.
   */
  Rouge.Scores @Nullable [] rouge() {
    double[] sum = new double[6];
    int n = 0;
    for (int i = 0; i < items.size(); i++) {
      EvalItem it = items.get(i);
      if (it.summary() == null) {
        continue;
      }
      n++;
      String cand = results.get(i).summary() == null ? "" : results.get(i).summary();
      Rouge.Scores s = Rouge.score(cand, it.summary());
      Rouge.Scores lead =
          Rouge.score(Rouge.firstWords(it.text(), Math.max(1, Rouge.words(cand))), it.summary());
      sum[0] += s.rouge1();
      sum[1] += s.rouge2();
      sum[2] += s.rougeL();
      sum[3] += lead.rouge1();
      sum[4] += lead.rouge2();
      sum[5] += lead.rougeL();
    }
    if (n == 0) {
      return null;
    }
    return new Rouge.Scores[] {
      new Rouge.Scores(sum[0] / n, sum[1] / n, sum[2] / n),
      new Rouge.Scores(sum[3] / n, sum[4] / n, sum[5] / n)
    };
  }

  /** Words per summary of the items that were analyzed. */
  Distribution words() {
    return new Distribution(
        results.stream()
            .filter(r -> r.summary() != null)
            .map(r -> (double) Rouge.words(r.summary()))
            .toList());
  }

  Distribution latencyMs() {
    return new Distribution(
        results.stream().filter(r -> r.error() == null).map(ItemResult::latencyMs).toList());
  }

  int flagged() {
    return (int) results.stream().filter(r -> !r.flags().isEmpty()).count();
  }

  /** Share of analyzed items with at least one flag. */
  double flagRate() {
    int analyzed = results.size() - failed();
    return analyzed == 0 ? 0 : (double) flagged() / analyzed;
  }

  Usage usage() {
    Usage u = Usage.NONE;
    for (ItemResult r : results) {
      u = u.plus(r.usage());
    }
    return u;
  }
}
