package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/analyze");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PulseCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private String[] analyze(Path in, Path outFile, String... extra) {
    List<String> args = new ArrayList<>(List.of("analyze", "--in", in.toString(), "--out", outFile.toString(),
        "--taxonomy", FIXTURES.resolve("taxonomy.yml").toString()));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  @Test
  void writesOneAnalysisPerArticleInInputOrder() throws Exception {
    Path result = dir.resolve("out.jsonl");
    int code = run(analyze(FIXTURES.resolve("articles.jsonl"), result, "--threads", "3"));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    List<String> ids = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(result)) {
      JsonNode n = json.readTree(line);
      ids.add(n.get("id").asText());
      assertThat(n.get("summary").asText()).isNotBlank();
      assertThat(n.get("sentiment").asText()).isIn("Positive", "Neutral", "Negative");
      assertThat(n.get("category").asText()).isIn("Sports", "Business", "Technology", "Health");
      assertThat(n.get("topics").isArray()).isTrue();
    }
    assertThat(ids).containsExactly("sport-1", "business-1", "tech-1", "health-1", "dateline-1");
    assertThat(out.toString()).contains("analyzed 5 articles");
  }

  @Test
  void reportsABadLineByNumberAndCarriesOn() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(
        in,
        String.join(
            "\n",
            "{\"id\": \"a\", \"title\": \"Striker signs for the champions\", \"text\": \"The striker signed a four-year deal.\"}",
            "{not json",
            "{\"title\": \"no id here\", \"text\": \"Some text.\"}",
            "{\"id\": \"d\", \"text\": \"The hospital opened a new ward for patients on Monday.\"}"));
    Path result = dir.resolve("out.jsonl");

    int code = run(analyze(in, result));

    assertThat(code).isEqualTo(ExitCodes.PARTIAL);
    assertThat(err.toString()).contains("line 2:").contains("line 3:").contains("\"id\"");
    List<String> lines = Files.readAllLines(result);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).contains("\"id\":\"a\"").contains("\"summary\"");
    assertThat(lines.get(1)).contains("\"id\":null").contains("\"line\":2").contains("\"error\"");
    assertThat(lines.get(2)).contains("\"line\":3").contains("\"error\"");
    assertThat(lines.get(3)).contains("\"id\":\"d\"").contains("\"summary\"");
  }

  @Test
  void refusesAnUnknownAnalyzerByName() {
    int code = run(analyze(FIXTURES.resolve("articles.jsonl"), dir.resolve("o.jsonl"), "--analyzer", "oracle"));

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown analyzer 'oracle'").contains("embedded");
  }

  @Test
  void aMissingInputFileIsAConfigurationError() {
    int code = run(analyze(dir.resolve("absent.jsonl"), dir.resolve("o.jsonl")));

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains("absent.jsonl");
  }

  @Test
  void anOutputFileThatCannotBeWrittenStopsWithExitCode4() throws Exception {
    Path blocked = dir.resolve("not-a-folder");
    Files.writeString(blocked, "a file where a folder should be");

    int code = run(analyze(FIXTURES.resolve("articles.jsonl"), blocked.resolve("o.jsonl")));

    assertThat(code).isEqualTo(ExitCodes.FATAL);
    assertThat(err.toString()).contains("cannot write output");
  }

  @Test
  void aBadSummaryBudgetIsAUsageErrorWithTheUsage() {
    int code = run(analyze(FIXTURES.resolve("articles.jsonl"), dir.resolve("o.jsonl"),
        "--summary-words", "3"));

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--summary-words must be at least 10").contains("Usage:");
  }

  @Test
  void takesLlmSettingsAsKeyValueFlags() {
    int code = run(analyze(FIXTURES.resolve("articles.jsonl"), dir.resolve("o.jsonl"),
        "--analyzer", "llm", "--base-url", "http://127.0.0.1:9/v1", "--llm", "temperature=hot"));

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains("llm.temperature");
  }
}
