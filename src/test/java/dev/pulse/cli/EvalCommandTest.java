package dev.pulse.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pulse eval} end to end, WireMock playing the LLM with a known reply per item, so every
 * figure of the report can be worked out by hand (fixtures/eval/README.md).
 */
class EvalCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT = "/v1/chat/completions";
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/eval");
  private static final Path TAXONOMY = Path.of("src/test/resources/fixtures/analyze/taxonomy.yml");

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PulseCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static String completion(String summary, String sentiment, String category) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("summary", summary);
    reply.put("editors_note", "It matters to readers.");
    reply.put("sentiment", sentiment);
    reply.put("category", category);
    reply.putArray("topics").add("news");
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-1");
    root.put("object", "chat.completion");
    root.put("created", 1764086400L);
    root.put("model", "gpt-4o-mini");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", reply.toString());
    choice.put("finish_reason", "stop");
    root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return root.toString();
  }

  private static void reply(String marker, int priority, String summary, String sentiment, String category) {
    wm.stubFor(post(CHAT).atPriority(priority).withRequestBody(containing(marker))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(completion(summary, sentiment, category))));
  }

  @BeforeEach
  void replies() {
    reply("Rovers beat", 5, "Rovers beat United 2-1 on Saturday. The striker scored twice.", "Positive", "Sports");
    reply("Shares in Acme", 5, "Shares in Acme fell 5% on Monday. Investors sold after the warning.", "Neutral", "Business");
    reply("Zenith released", 5, "Zenith released a new phone on Tuesday. It costs 900 dollars.", "Neutral", "Business");
    reply("marathon was cancelled", 5, "The marathon was cancelled. Runners were sad.", "Negative", "Gardening");
  }

  private Path config() throws Exception {
    Path config = dir.resolve("pulse.yml");
    Files.writeString(config, "llm:\n  max_retries: 0\n");
    return config;
  }

  private String[] llmArgs(String... more) throws Exception {
    String[] base = {"eval", "--data", FIXTURES.resolve("small.jsonl").toString(), "--analyzer", "llm",
        "--taxonomy", TAXONOMY.toString(), "--label-map", FIXTURES.resolve("label-map.json").toString(),
        "--config", config().toString(), "--base-url", wm.baseUrl() + "/v1", "--out", dir.resolve("report").toString()};
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }

  private JsonNode report() throws Exception {
    return JSON.readTree(dir.resolve("report/report.json").toFile());
  }

  @Test
  void theReportsFiguresEqualTheHandComputedOnes() throws Exception {
    int code = run(llmArgs());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.PARTIAL); // e4 failed
    JsonNode s = report().get("setups").get(0);
    assertThat(s.get("items").asInt()).isEqualTo(4);
    assertThat(s.get("failed").asInt()).isEqualTo(1);
    // category: e1 sport=sport, e2 business=business, e3 tech≠business, e4 missing
    JsonNode c = s.get("category");
    assertThat(c.get("accuracy").asDouble()).isEqualTo(0.5);
    // F1 business 2/3 (P 1/2, R 1), sport 2/3 (P 1, R 1/2), tech 0
    assertThat(c.get("macro_f1").asDouble()).isCloseTo(4.0 / 9, within(1e-9));
    assertThat(c.get("confusion").get("tech").get("business").asInt()).isEqualTo(1);
    assertThat(c.get("confusion").get("sport").get("<missing>").asInt()).isEqualTo(1);
    // sentiment: e1 right, e2 Negative→Neutral, e3 right, e4 missing; F1 neg 0, neu 2/3, pos 1
    assertThat(s.get("sentiment").get("macro_f1").asDouble()).isCloseTo(5.0 / 9, within(1e-9));
    assertThat(s.get("sentiment").get("accuracy").asDouble()).isEqualTo(0.5);
    // ROUGE-1 F1: e1 14/18, e2 0.6, e3 10/16, e4 0 (failed); lead at the same budget: e1 14/18,
    // e2 0.6, e3 10/16, e4 the first word "The" against 4 reference words: 0.4
    JsonNode r = s.get("summary");
    assertThat(r.get("rouge1_f").asDouble()).isCloseTo((14.0 / 18 + 0.6 + 10.0 / 16) / 4, within(1e-9));
    assertThat(r.get("lead_same_budget").get("rouge1_f").asDouble())
        .isCloseTo((14.0 / 18 + 0.6 + 10.0 / 16 + 0.4) / 4, within(1e-9));
    assertThat(s.get("summary_words").get("p50").asDouble()).isEqualTo(11); // 10, 11, 12 words
    assertThat(s.get("summary_words").get("max").asDouble()).isEqualTo(12);
    // e3's "900" is in no article: flagged after its repair; 1 of the 3 analyzed items
    assertThat(s.get("faithfulness").get("flagged").asInt()).isEqualTo(1);
    assertThat(s.get("faithfulness").get("flag_rate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(s.get("results").get(2).get("flags").get(0).asText()).isEqualTo("unsupported number \"900\"");
    // calls: e1 1, e2 1, e3 2 (faithfulness repair), e4 2 (schema repair); 100 in, 20 out each
    JsonNode u = s.get("usage");
    assertThat(u.get("llm_calls").asInt()).isEqualTo(6);
    assertThat(u.get("tokens_in").asInt()).isEqualTo(600);
    assertThat(u.get("tokens_out").asInt()).isEqualTo(120);
    assertThat(u.get("cost_usd").asDouble()).isCloseTo((600 * 0.15 + 120 * 0.60) / 1e6, within(1e-12));
    assertThat(s.get("latency_ms").get("n").asInt()).isEqualTo(3);
    wm.verify(6, postRequestedFor(urlEqualTo(CHAT)));
    assertThat(out.toString()).contains("category accuracy 0.500").contains("report.html");
    assertThat(err.toString()).contains("[llm] 4/4");
  }

  @Test
  void theMarkdownAndHtmlReportsCarryTheSameFiguresAndTheHtmlIsSelfContained() throws Exception {
    run(llmArgs());

    String md = Files.readString(dir.resolve("report/report.md"));
    assertThat(md).contains("| category accuracy | 0.500 |").contains("| sentiment macro-F1 | 0.556 |")
        .contains("| flagged (unsupported claims) | 1 (33.3%) |");
    String html = Files.readString(dir.resolve("report/report.html"));
    assertThat(html).contains("<svg").contains("class=\"confusion\"").contains("background:rgba(")
        .contains("<td>0.500</td>")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("<link");
  }

  @Test
  void compareRunsTwoPromptFoldersSideBySideAndListsWhereTheyDisagree() throws Exception {
    Path a = copyPrompts("a", "");
    Path b = copyPrompts("b", "Technology news includes new phones (STYLE-B).");
    wm.stubFor(post(CHAT).atPriority(1).withRequestBody(containing("STYLE-B"))
        .withRequestBody(containing("Zenith released"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
            completion("Zenith released a new phone on Tuesday. It has a larger battery.", "Neutral", "Technology"))));

    int code = run(llmArgs("--compare", "prompts=" + a + "," + b));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.PARTIAL);
    JsonNode report = report();
    assertThat(report.get("setups")).hasSize(2);
    assertThat(report.get("setups").get(0).get("name").asText()).isEqualTo("prompts=" + a);
    assertThat(report.get("setups").get(0).get("category").get("accuracy").asDouble()).isEqualTo(0.5);
    assertThat(report.get("setups").get(1).get("category").get("accuracy").asDouble()).isEqualTo(0.75);
    assertThat(report.get("setups").get(0).get("analyzer").asText())
        .isNotEqualTo(report.get("setups").get(1).get("analyzer").asText()); // prompt versions differ
    JsonNode d = report.get("disagreements");
    assertThat(d).hasSize(2); // e3: category, and only A's summary is flagged
    assertThat(d.get(0).get("id").asText()).isEqualTo("e3");
    assertThat(d.get(0).get("what").asText()).isEqualTo("category");
    assertThat(d.get(0).get("first").asText()).isEqualTo("Business");
    assertThat(d.get(0).get("second").asText()).isEqualTo("Technology");
    assertThat(d.get(1).get("what").asText()).isEqualTo("flags");
    assertThat(Files.readString(dir.resolve("report/report.md"))).contains("## Disagreements (2)");
  }

  private Path copyPrompts(String name, String extra) throws Exception {
    Path d = Files.createDirectories(dir.resolve("prompts-" + name));
    try (Stream<Path> files = Files.list(Path.of("prompts"))) {
      for (Path f : files.toList()) {
        Files.copy(f, d.resolve(f.getFileName()));
      }
    }
    Files.writeString(d.resolve("system.txt"), Files.readString(d.resolve("system.txt")) + "\n" + extra + "\n");
    return d;
  }

  @Test
  void rejectedCredentialsStopCleanlyWithExitCode4AndNoReport() throws Exception {
    wm.stubFor(post(CHAT).atPriority(1).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
            + "\"param\":null,\"code\":\"invalid_api_key\"}}")));

    int code = run(llmArgs());

    assertThat(code).isEqualTo(ExitCodes.FATAL);
    assertThat(err.toString()).contains("rejected the credentials (HTTP 401)").doesNotContain("Exception");
    wm.verify(1, postRequestedFor(urlEqualTo(CHAT)));
    assertThat(dir.resolve("report/report.json")).doesNotExist();
  }

  @Test
  void theLlmIsNeverUsedUnlessNamed() throws Exception {
    String data = FIXTURES.resolve("small.jsonl").toString();

    assertThat(run("eval", "--data", data, "--analyzer", "auto", "--base-url", wm.baseUrl() + "/v1"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("eval", "--data", data, "--compare", "model=a,b", "--base-url", wm.baseUrl() + "/v1"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--analyzer must be embedded or llm").contains("add --analyzer llm");
    wm.verify(0, postRequestedFor(urlEqualTo(CHAT)));
  }
}
