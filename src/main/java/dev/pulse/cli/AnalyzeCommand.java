package dev.pulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.PulseException;
import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.config.ConfigException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse analyze}: reads articles as JSON lines {@code {"id", "title"?, "text"}} and writes
 * one analysis per line {@code {"id", "summary", "sentiment", "category", "topics"}} in input
 * order. A bad line is reported by its number and skipped; the exit code is then 1.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyze articles from a JSON Lines file: summary, sentiment, category, topics.")
final class AnalyzeCommand implements Callable<Integer> {

  /** Lines read ahead and analyzed in parallel; bounds memory on large inputs. */
  private static final int CHUNK = 256;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "IN.jsonl", description = "Input articles.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "OUT.jsonl", description = "Analyses.")
  Path out;

  @Option(
      names = "--analyzer",
      defaultValue = "embedded",
      description =
          "Analyzer to use (${DEFAULT-VALUE}); available: embedded, llm, auto (llm when"
              + " OPENAI_API_KEY or OPENAI_BASE_URL is set, else embedded).")
  String analyzer;

  @CommandLine.Mixin ConfigOption config;

  @CommandLine.Mixin LlmOptions llmOptions = new LlmOptions();

  @CommandLine.Mixin AnalysisOptions analysis = new AnalysisOptions();

  @Option(
      names = "--threads",
      description =
          "Articles analyzed at once (default: what the analyzer allows: the cores, or llm.max_concurrent).")
  @Nullable Integer threads;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (!AnalyzerChoice.NAMES.contains(analyzer.strip().toLowerCase(Locale.ROOT))) {
      throw usage(
          "unknown analyzer '"
              + analyzer
              + "'; available: "
              + String.join(", ", AnalyzerChoice.NAMES));
    }
    if (analysis.summaryWords < 10) {
      throw usage("--summary-words must be at least 10: " + analysis.summaryWords);
    }
    if (!Files.isRegularFile(in)) {
      throw new ConfigException("input file not found: " + in);
    }
    Taxonomy tax = analysis.loadTaxonomy();
    long loadStart = System.nanoTime();
    int failed = 0;
    int done = 0;
    long runStart;
    ExecutorService pool = null;
    try (ArticleAnalyzer a =
            AnalyzerChoice.create(analyzer, tax, analysis.summaryWords, llmSettings());
        BufferedReader reader = open(in);
        PartialFile partial = new PartialFile(out);
        BufferedWriter writer = Files.newBufferedWriter(partial.path(), StandardCharsets.UTF_8)) {
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      pool = Executors.newFixedThreadPool(threads == null ? a.concurrency() : Math.max(1, threads));
      runStart = System.nanoTime();
      List<String> chunk = new ArrayList<>(CHUNK);
      int lineNo = 0;
      int firstLine = 1;
      String line;
      while (true) {
        line = readLine(reader);
        if (line != null) {
          lineNo++;
          chunk.add(line);
        }
        if (chunk.size() == CHUNK || (line == null && !chunk.isEmpty())) {
          int[] counts = runChunk(a, pool, chunk, firstLine, writer, err);
          done += counts[0];
          failed += counts[1];
          firstLine = lineNo + 1;
          chunk.clear();
        }
        if (line == null) {
          break;
        }
      }
      double runSeconds = (System.nanoTime() - runStart) / 1e9;
      stdout.printf(
          Locale.ROOT,
          "analyzed %d articles with %s (%d failed) in %.2f s (%.1f articles/s); setup %.2f s%n",
          done,
          a.name(),
          failed,
          runSeconds,
          runSeconds > 0 ? done / runSeconds : 0.0,
          loadSeconds);
      writer.flush();
      partial.commit();
      stdout.flush();
    } catch (IOException e) {
      // reading errors became ConfigException above: this is the output (exit 4, "cannot write")
      throw new java.io.UncheckedIOException(e);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  /**
   * The config file's llm: section, then the environment, then --model and --base-url; the config
   * file is not read when the embedded analyzer is asked for by name.
   */
  private LlmSettings llmSettings() {
    if (analyzer.strip().equalsIgnoreCase("embedded")) {
      return LlmSettings.defaults();
    }
    return llmOptions.over(LlmSettings.from(config.load().llm(), System.getenv()));
  }

  /** A usage error, printed with the usage and exit code 2 by picocli, like a bad flag. */
  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private BufferedReader open(Path file) {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + ExitCodes.describe(e), e);
    }
  }

  private String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + in + ": " + e.getMessage(), e);
    }
  }

  /** Analyzes one chunk in parallel and writes its results in input order; returns {ok, failed}. */
  private int[] runChunk(
      ArticleAnalyzer a,
      ExecutorService pool,
      List<String> lines,
      int firstLine,
      BufferedWriter writer,
      PrintWriter err)
      throws IOException {
    List<Future<String>> results = new ArrayList<>(lines.size());
    for (String line : lines) {
      results.add(pool.submit(() -> analyzeLine(a, line)));
    }
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < results.size(); i++) {
      int lineNo = firstLine + i;
      try {
        String json = results.get(i).get();
        if (json == null) {
          continue; // blank line
        }
        writer.write(json);
        writer.newLine();
        ok++;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof PulseException.Fatal fatal) {
          throw fatal;
        }
        failed++;
        err.println("pulse: line " + lineNo + ": " + message(cause));
        err.flush();
        // an error line keeps the output aligned with the input, one line for one line
        ObjectNode node = JSON.createObjectNode();
        node.put("id", idOf(lines.get(i)));
        node.put("line", lineNo);
        node.put("error", message(cause));
        writer.write(node.toString());
        writer.newLine();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PulseException.Fatal("interrupted", e);
      }
    }
    return new int[] {ok, failed};
  }

  /** The line's "id" when it is readable JSON with one, else null. */
  private static @Nullable String idOf(String line) {
    try {
      JsonNode id = JSON.readTree(line).get("id");
      return id == null || id.isNull() ? null : id.asText();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** One output line, or null for a blank input line. */
  static @Nullable String analyzeLine(ArticleAnalyzer a, String line) throws IOException {
    if (line.isBlank()) {
      return null;
    }
    ArticleText article = parse(line);
    Analysis r = a.analyze(article);
    ObjectNode node = JSON.createObjectNode();
    node.put("id", article.id());
    node.put("summary", r.summary());
    node.put("sentiment", r.sentiment().label());
    node.put("category", r.category());
    r.topics().forEach(node.putArray("topics")::add);
    if (r.topics().isEmpty()) {
      node.putArray("topics");
    }
    return JSON.writeValueAsString(node);
  }

  static ArticleText parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    JsonNode id = node.get("id");
    if (id == null || id.isNull() || !id.isValueNode() || id.asText().isBlank()) {
      throw new IllegalArgumentException("missing \"id\"");
    }
    JsonNode text = node.get("text");
    if (text != null && !text.isNull() && !text.isTextual()) {
      throw new IllegalArgumentException("\"text\" must be a string (id " + id.asText() + ")");
    }
    JsonNode title = node.get("title");
    String titleText = title == null || title.isNull() ? null : title.asText();
    String body = text == null || text.isNull() ? "" : text.asText();
    if (body.isBlank()) {
      throw new IllegalArgumentException(
          "missing \"text\" (id "
              + id.asText()
              + "): each line needs the article's text; a title"
              + " alone is not analyzed");
    }
    return ArticleText.of(id.asText(), titleText, body);
  }

  /**
   * The output is written beside its final name and renamed over it only when complete, so a run
   * that stops halfway (bad input, a full disk) leaves an earlier output file as it was.
   */
  private static final class PartialFile implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private boolean committed;

    PartialFile(Path target) {
      this.target = target;
      Path abs = target.toAbsolutePath();
      this.partial =
          abs.resolveSibling(
              "." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    }

    Path path() {
      return partial;
    }

    void commit() throws IOException {
      try {
        Files.move(
            partial,
            target,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        Files.deleteIfExists(partial);
      }
    }
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
