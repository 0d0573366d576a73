package dev.pulse.cli;

import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.config.ConfigException;
import dev.pulse.eval.EvalItem;
import dev.pulse.eval.EvalReport;
import dev.pulse.eval.Evaluation;
import dev.pulse.eval.LabelMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse eval}: runs one analyzer set-up, or two side by side, over a labelled JSON Lines
 * file and writes report.md, report.json and report.html. The LLM (a paid API) runs only when asked
 * for by name: {@code --analyzer llm} or {@code --compare analyzer=llm,embedded}.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure an analyzer (or two set-ups side by side) on a labelled JSON Lines file.")
final class EvalCommand implements Callable<Integer> {

  private static final List<String> COMPARE_KEYS = List.of("prompts", "model", "analyzer");

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE.jsonl",
      description =
          "Labelled items: {\"id\", \"title\"?, \"text\", \"category\"?, \"sentiment\"?, \"summary\"?}.")
  Path data;

  @Option(
      names = "--analyzer",
      defaultValue = "embedded",
      description =
          "embedded (default) or llm; the LLM is never used unless named here or in --compare.")
  String analyzer;

  @Option(
      names = "--prompts",
      paramLabel = "DIR",
      description = "LLM prompt folder (default: llm.prompts_dir).")
  @Nullable Path prompts;

  @Option(names = "--model", paramLabel = "NAME", description = "LLM model (overrides llm.model).")
  @Nullable String model;

  @Option(names = "--base-url", paramLabel = "URL", description = "OpenAI-compatible endpoint.")
  @Nullable String baseUrl;

  @Option(
      names = "--limit",
      defaultValue = "0",
      paramLabel = "N",
      description = "First N items only (default: all).")
  int limit;

  @Option(
      names = "--out",
      defaultValue = "out/eval",
      paramLabel = "DIR",
      description = "Report folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--compare",
      paramLabel = "KEY=A,B",
      description =
          "Two set-ups side by side, differing in one setting: prompts=DIR1,DIR2 | model=M1,M2 | analyzer=llm,embedded.")
  @Nullable String compare;

  @Option(
      names = "--label-map",
      paramLabel = "FILE",
      description =
          "JSON map from our category names to the data's labels (one map, or one per \"dataset\", as scripts/eval/label-maps.json).")
  @Nullable Path labelMap;

  @CommandLine.Mixin AnalysisOptions analysis = new AnalysisOptions();

  @CommandLine.Mixin ConfigOption config;

  /** One side of the evaluation: the analyzer name and the LLM settings' overrides. */
  private record Side(String name, String analyzer, Path prompts, String model) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<Side> sides;
    try {
      sides = sides();
    } catch (IllegalArgumentException e) {
      err.println("pulse eval: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    if (!Files.isRegularFile(data)) {
      throw new ConfigException("data file not found: " + data);
    }
    List<EvalItem> items;
    try {
      items = EvalItem.read(data, Math.max(0, limit));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    LabelMap labels = labelMap == null ? LabelMap.identity() : readLabels();
    Taxonomy tax = analysis.loadTaxonomy();
    List<ArticleAnalyzer> analyzers = new ArrayList<>();
    try {
      List<Evaluation.Setup> setups = new ArrayList<>();
      for (Side s : sides) {
        ArticleAnalyzer a =
            AnalyzerChoice.create(s.analyzer(), tax, analysis.summaryWords, llmSettings(s));
        analyzers.add(a);
        setups.add(new Evaluation.Setup(s.name(), a));
      }
      EvalReport report = new Evaluation(labels, progress(err)).run(setups, items);
      report.write(out);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(report.summary());
      stdout.println("report: " + out.resolve("report.html") + " (also report.md, report.json)");
      stdout.flush();
      return report.failedItems() == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
    } finally {
      for (ArticleAnalyzer a : analyzers) {
        a.close();
      }
    }
  }

  private List<Side> sides() {
    String base = analyzer.strip().toLowerCase(Locale.ROOT);
    if (!base.equals("embedded") && !base.equals("llm")) {
      throw new IllegalArgumentException(
          "--analyzer must be embedded or llm (eval never picks the LLM by itself): " + analyzer);
    }
    if (compare == null) {
      return List.of(new Side(base, base, prompts, model));
    }
    int eq = compare.indexOf('=');
    String key = eq < 0 ? "" : compare.substring(0, eq).strip().toLowerCase(Locale.ROOT);
    String[] values = eq < 0 ? new String[0] : compare.substring(eq + 1).split(",", -1);
    if (!COMPARE_KEYS.contains(key)
        || values.length != 2
        || values[0].isBlank()
        || values[1].isBlank()) {
      throw new IllegalArgumentException(
          "--compare takes KEY=A,B with KEY one of " + COMPARE_KEYS + ": " + compare);
    }
    List<Side> out = new ArrayList<>();
    for (String v : values) {
      String value = v.strip();
      String name = key + "=" + value;
      switch (key) {
        case "prompts" -> out.add(new Side(name, needsLlm(base, key), Path.of(value), model));
        case "model" -> out.add(new Side(name, needsLlm(base, key), prompts, value));
        default -> {
          String a = value.toLowerCase(Locale.ROOT);
          if (!a.equals("embedded") && !a.equals("llm")) {
            throw new IllegalArgumentException(
                "--compare analyzer= takes embedded and llm: " + value);
          }
          out.add(new Side(name, a, prompts, model));
        }
      }
    }
    return out;
  }

  private static String needsLlm(String base, String key) {
    if (!base.equals("llm")) {
      throw new IllegalArgumentException(
          "--compare " + key + "= compares LLM set-ups: add --analyzer llm");
    }
    return base;
  }

  private LlmSettings llmSettings(Side s) {
    if (s.analyzer().equals("embedded")) {
      return LlmSettings.defaults();
    }
    LlmSettings l = LlmSettings.from(config.load().llm(), System.getenv());
    if (s.model() != null) {
      l = l.withModel(s.model());
    }
    if (s.prompts() != null) {
      if (!Files.isDirectory(s.prompts())) {
        throw new ConfigException("prompt folder not found: " + s.prompts());
      }
      l = l.withPromptsDir(s.prompts());
    }
    if (baseUrl != null) {
      l = l.withBaseUrl(baseUrl);
    }
    return l;
  }

  /** On a terminal one line rewritten in place; otherwise a line every tenth of the way. */
  private static Evaluation.Progress progress(PrintWriter err) {
    boolean terminal = System.console() != null;
    return (setup, done, total) -> {
      if (terminal) {
        err.printf(Locale.ROOT, "\r[%s] %d/%d", setup, done, total);
        if (done == total) {
          err.println();
        }
        err.flush();
      } else if (done == total || done % Math.max(1, total / 10) == 0) {
        err.printf(Locale.ROOT, "[%s] %d/%d%n", setup, done, total);
        err.flush();
      }
    };
  }

  private LabelMap readLabels() {
    try {
      return LabelMap.read(labelMap);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read label map " + labelMap + ": " + e.getMessage(), e);
    }
  }
}
