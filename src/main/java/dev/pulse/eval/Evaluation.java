package dev.pulse.eval;

import dev.pulse.PulseException;
import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Usage;
import dev.pulse.verify.FaithfulnessChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs analyzer set-ups over a labelled set, one item at a time (so latencies are the analyzer's
 * own), and gathers an {@link EvalReport}. Each summary and editor's note goes through the
 * faithfulness check. An item that fails is recorded with its reason and scored as wrong; a fatal
 * error (the LLM rejected the credentials) stops the evaluation by propagating.
 */
public final class Evaluation {

  /** Told after each item. */
  public interface Progress {
    void update(String setup, int done, int total);
  }

  /**
   * A named analyzer configuration.
   *
   * @param name shown in the report ("A", "B", or a description)
   * @param analyzer the analyzer; the caller closes it
   */
  public record Setup(String name, ArticleAnalyzer analyzer) {
    public Setup {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(analyzer, "analyzer");
    }
  }

  private final FaithfulnessChecker checker = FaithfulnessChecker.standard();
  private final LabelMap labels;
  private final Progress progress;

  public Evaluation(LabelMap labels, Progress progress) {
    this.labels = labels;
    this.progress = progress;
  }

  /**
   * Runs every set-up over every item.
   *
   * @throws PulseException.Fatal when an analyzer cannot go on (e.g. HTTP 401)
   */
  public EvalReport run(List<Setup> setups, List<EvalItem> items) {
    List<SetupReport> reports = new ArrayList<>();
    for (Setup s : setups) {
      List<ItemResult> results = new ArrayList<>(items.size());
      for (EvalItem item : items) {
        results.add(analyze(s.analyzer(), item));
        progress.update(s.name(), results.size(), items.size());
      }
      ArticleAnalyzer a = s.analyzer();
      reports.add(new SetupReport(s.name(), a.name() + " " + a.model() + " " + a.version(), items, results, labels));
    }
    return new EvalReport(reports);
  }

  private ItemResult analyze(ArticleAnalyzer analyzer, EvalItem item) {
    long start = System.nanoTime();
    try {
      Analysis a = analyzer.analyze(ArticleText.of(item.id(), item.title(), item.text()));
      double ms = (System.nanoTime() - start) / 1e6;
      String source = (item.title() == null ? "" : item.title() + "\n\n") + item.text();
      return new ItemResult(item.id(), a.category(), a.sentiment().label(), a.summary(),
          checker.flags(source, a.summary(), a.editorsNote()), a.usage(), ms, null);
    } catch (PulseException.Fatal e) {
      throw e;
    } catch (RuntimeException e) {
      Usage spent = e instanceof dev.pulse.analyze.AnalysisException ae ? ae.usage() : Usage.NONE;
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      return new ItemResult(item.id(), null, null, null, List.of(), spent, (System.nanoTime() - start) / 1e6, why);
    }
  }
}
