package dev.pulse.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.analyze.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The scores of one or two set-ups on one evaluation set, written as report.json (every figure),
 * report.md and a self-contained report.html (confusion matrices as coloured tables, length and
 * latency distributions as inline SVG; no script, no external resource). With two set-ups the
 * report lists the items where they disagree.
 */
public final class EvalReport {

  /** Items listed where two set-ups disagree, at most. */
  static final int MAX_DISAGREEMENTS = 200;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<SetupReport> setups;

  EvalReport(List<SetupReport> setups) {
    this.setups = List.copyOf(setups);
  }

  /** Items an analyzer failed on, over all set-ups. */
  public int failedItems() {
    return setups.stream().mapToInt(SetupReport::failed).sum();
  }

  List<SetupReport> setups() {
    return setups;
  }

  /** An item where two set-ups differ: category, sentiment or whether the summary is flagged. */
  record Disagreement(String id, String what, @Nullable String first, @Nullable String second) {}

  List<Disagreement> disagreements() {
    List<Disagreement> out = new ArrayList<>();
    if (setups.size() < 2) {
      return out;
    }
    SetupReport a = setups.get(0);
    SetupReport b = setups.get(1);
    for (int i = 0; i < a.items().size(); i++) {
      EvalItem it = a.items().get(i);
      ItemResult x = a.results().get(i);
      ItemResult y = b.results().get(i);
      if (!Objects.equals(x.category(), y.category())) {
        out.add(new Disagreement(it.id(), "category", x.category(), y.category()));
      }
      if (!Objects.equals(x.sentiment(), y.sentiment())) {
        out.add(new Disagreement(it.id(), "sentiment", x.sentiment(), y.sentiment()));
      }
      if (x.flags().isEmpty() != y.flags().isEmpty()) {
        out.add(
            new Disagreement(
                it.id(), "flags", String.join("; ", x.flags()), String.join("; ", y.flags())));
      }
    }
    return out;
  }

  /** Writes report.json, report.md and report.html into {@code dir} (created if needed). */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("report.json"), JSON.writeValueAsString(json()), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.html"), ReportHtml.render(this), StandardCharsets.UTF_8);
  }

  /** A few lines for the terminal. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (SetupReport s : setups) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s (%s): %d items, %d failed",
              s.name(),
              s.analyzer(),
              s.results().size(),
              s.failed()));
      LabelScores c = s.category();
      if (c != null) {
        sb.append(String.format(Locale.ROOT, "; category accuracy %.3f", c.accuracy()));
      }
      LabelScores t = s.sentiment();
      if (t != null) {
        sb.append(String.format(Locale.ROOT, "; sentiment macro-F1 %.3f", t.macroF1()));
      }
      Rouge.Scores[] r = s.rouge();
      if (r != null) {
        sb.append(
            String.format(Locale.ROOT, "; ROUGE-1 %.3f (lead %.3f)", r[0].rouge1(), r[1].rouge1()));
      }
      sb.append(
          String.format(
              Locale.ROOT, "; flagged %.1f%%; $%.4f%n", 100 * s.flagRate(), s.usage().costUsd()));
    }
    if (setups.size() > 1) {
      sb.append(disagreements().size()).append(" disagreements").append(System.lineSeparator());
    }
    return sb.toString();
  }

  ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode arr = root.putArray("setups");
    for (SetupReport s : setups) {
      ObjectNode o = arr.addObject();
      o.put("name", s.name());
      o.put("analyzer", s.analyzer());
      o.put("items", s.results().size());
      o.put("failed", s.failed());
      labels(o, "category", s.category());
      labels(o, "sentiment", s.sentiment());
      Rouge.Scores[] r = s.rouge();
      if (r != null) {
        rouge(o.putObject("summary"), r[0])
            .set("lead_same_budget", rouge(JSON.createObjectNode(), r[1]));
      }
      distribution(o.putObject("summary_words"), s.words());
      distribution(o.putObject("latency_ms"), s.latencyMs());
      ObjectNode flags = o.putObject("faithfulness");
      flags.put("flagged", s.flagged());
      flags.put("flag_rate", s.flagRate());
      Usage u = s.usage();
      ObjectNode usage = o.putObject("usage");
      usage.put("llm_calls", u.calls());
      usage.put("tokens_in", u.inputTokens());
      usage.put("tokens_out", u.outputTokens());
      usage.put("cost_usd", u.costUsd());
      ArrayNode items = o.putArray("results");
      for (ItemResult x : s.results()) {
        ObjectNode i = items.addObject();
        i.put("id", x.id());
        i.put("category", x.category());
        i.put("sentiment", x.sentiment());
        i.put("summary", x.summary());
        x.flags().forEach(i.putArray("flags")::add);
        i.put("latency_ms", x.latencyMs());
        if (x.error() != null) {
          i.put("error", x.error());
        }
      }
    }
    ArrayNode d = root.putArray("disagreements");
    for (Disagreement x : disagreements()) {
      d.addObject()
          .put("id", x.id())
          .put("what", x.what())
          .put("first", x.first())
          .put("second", x.second());
    }
    return root;
  }

  private static void labels(ObjectNode parent, String field, @Nullable LabelScores l) {
    if (l == null) {
      return;
    }
    ObjectNode o = parent.putObject(field);
    o.put("n", l.n());
    o.put("accuracy", l.accuracy());
    o.put("macro_f1", l.macroF1());
    ObjectNode conf = o.putObject("confusion");
    l.confusion()
        .forEach(
            (k, row) -> {
              ObjectNode r = conf.putObject(k);
              l.predicted()
                  .forEach(
                      p -> {
                        if (row.containsKey(p)) {
                          r.put(p, row.get(p));
                        }
                      });
            });
  }

  private static ObjectNode rouge(ObjectNode o, Rouge.Scores s) {
    o.put("rouge1_f", s.rouge1());
    o.put("rouge2_f", s.rouge2());
    o.put("rougeL_f", s.rougeL());
    return o;
  }

  private static void distribution(ObjectNode o, Distribution d) {
    o.put("n", d.n());
    o.put("min", d.min());
    o.put("p50", d.percentile(50));
    o.put("p90", d.percentile(90));
    o.put("p99", d.percentile(99));
    o.put("max", d.max());
    o.put("mean", d.mean());
  }

  String markdown() {
    StringBuilder sb = new StringBuilder("# Evaluation report\n\n");
    sb.append("| | ")
        .append(String.join(" | ", setups.stream().map(SetupReport::name).toList()))
        .append(" |\n");
    sb.append("|---|").append("---|".repeat(setups.size())).append('\n');
    row(sb, "analyzer", s -> s.analyzer());
    row(sb, "items (failed)", s -> s.results().size() + " (" + s.failed() + ")");
    row(sb, "category accuracy", s -> s.category() == null ? "–" : f3(s.category().accuracy()));
    row(sb, "sentiment macro-F1", s -> s.sentiment() == null ? "–" : f3(s.sentiment().macroF1()));
    row(sb, "ROUGE-1 / 2 / L F1", s -> s.rouge() == null ? "–" : rougeText(s.rouge()[0]));
    row(sb, "lead, same budget", s -> s.rouge() == null ? "–" : rougeText(s.rouge()[1]));
    row(
        sb,
        "summary words p50 / p90 / max",
        s ->
            String.format(
                Locale.ROOT,
                "%.0f / %.0f / %.0f",
                s.words().percentile(50),
                s.words().percentile(90),
                s.words().max()));
    row(
        sb,
        "flagged (unsupported claims)",
        s -> String.format(Locale.ROOT, "%d (%.1f%%)", s.flagged(), 100 * s.flagRate()));
    row(
        sb,
        "LLM calls, tokens in / out",
        s -> s.usage().calls() + ", " + s.usage().inputTokens() + " / " + s.usage().outputTokens());
    row(sb, "cost", s -> String.format(Locale.ROOT, "$%.4f", s.usage().costUsd()));
    row(
        sb,
        "latency p50 / p90 / p99 ms",
        s ->
            String.format(
                Locale.ROOT,
                "%.0f / %.0f / %.0f",
                s.latencyMs().percentile(50),
                s.latencyMs().percentile(90),
                s.latencyMs().percentile(99)));
    for (SetupReport s : setups) {
      matrix(
          sb, s.name() + ": category confusion (rows expected, columns predicted)", s.category());
      matrix(
          sb, s.name() + ": sentiment confusion (rows expected, columns predicted)", s.sentiment());
    }
    List<Disagreement> d = disagreements();
    if (setups.size() > 1) {
      sb.append("\n## Disagreements (")
          .append(d.size())
          .append(")\n\n| id | what | ")
          .append(setups.get(0).name())
          .append(" | ")
          .append(setups.get(1).name())
          .append(" |\n|---|---|---|---|\n");
      d.stream()
          .limit(MAX_DISAGREEMENTS)
          .forEach(
              x ->
                  sb.append("| ")
                      .append(cell(x.id()))
                      .append(" | ")
                      .append(x.what())
                      .append(" | ")
                      .append(cell(x.first()))
                      .append(" | ")
                      .append(cell(x.second()))
                      .append(" |\n"));
    }
    return sb.toString();
  }

  private void row(
      StringBuilder sb, String label, java.util.function.Function<SetupReport, String> f) {
    sb.append("| ").append(label).append(" | ");
    sb.append(String.join(" | ", setups.stream().map(f).map(EvalReport::cell).toList()))
        .append(" |\n");
  }

  private static void matrix(StringBuilder sb, String title, @Nullable LabelScores l) {
    if (l == null) {
      return;
    }
    sb.append("\n## ")
        .append(title)
        .append("\n\n| | ")
        .append(String.join(" | ", l.predicted().stream().map(EvalReport::cell).toList()))
        .append(" |\n");
    sb.append("|---|").append("---|".repeat(l.predicted().size())).append('\n');
    for (String e : l.expected()) {
      sb.append("| **").append(cell(e)).append("** | ");
      sb.append(
              String.join(
                  " | ", l.predicted().stream().map(p -> String.valueOf(l.count(e, p))).toList()))
          .append(" |\n");
    }
  }

  static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String rougeText(Rouge.Scores s) {
    return f3(s.rouge1()) + " / " + f3(s.rouge2()) + " / " + f3(s.rougeL());
  }

  private static String cell(@Nullable String s) {
    return s == null ? "–" : s.replace("|", "\\|").replace("\n", " ");
  }
}
