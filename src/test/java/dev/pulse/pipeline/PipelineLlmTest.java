package dev.pulse.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.analyze.llm.OpenAiArticleAnalyzer;
import dev.pulse.extract.ArticleExtractor;
import dev.pulse.fetch.FetchResult;
import dev.pulse.fetch.Fetcher;
import dev.pulse.source.DiscoveredItem;
import dev.pulse.source.Discovery;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.Entry;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline with the real LLM analyzer, WireMock playing the OpenAI API: provenance and usage
 * reach the store, an unchanged rerun makes no LLM request, rejected credentials stop the run, a
 * reply that stays unfaithful after its repair is stored with flags and counted.
 */
class PipelineLlmTest {

  private static final String CHAT = "/v1/chat/completions";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final WireMockExtension llm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;
  private Store store;
  private final Taxonomy taxonomy =
      new Taxonomy(
          List.of(
              new Category("Science", "Research and space.", null, null),
              new Category("Sports", "Games and athletes.", null, null)));
  private final Map<String, String> pages =
      Map.of(
          "https://news.example/probe", "Probe reaches Europa|The probe entered orbit on Tuesday.",
          "https://news.example/final", "Home side wins the final|The match ended 2-1 on Tuesday.");

  @BeforeEach
  void open() {
    store = Stores.sqlite(dir.resolve("pulse.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ArticleAnalyzer analyzer() {
    return new OpenAiArticleAnalyzer(
        LlmSettings.defaults()
            .withApiKey("sk-test-pipeline-000000")
            .withBaseUrl(llm.baseUrl() + "/v1")
            .withPromptsDir(Path.of("prompts"))
            .withRetries(Duration.ofSeconds(10), 0, Duration.ZERO, Duration.ZERO),
        taxonomy);
  }

  private Pipeline pipeline(ArticleAnalyzer analyzer) {
    Fetcher fetcher =
        request ->
            new FetchResult(
                request.url(),
                request.url(),
                200,
                "text/html",
                StandardCharsets.UTF_8,
                pages.get(request.url()).getBytes(StandardCharsets.UTF_8),
                null,
                null,
                Instant.now());
    ArticleExtractor extractor = new TitleAndBodyExtractor();
    return new Pipeline(
        source ->
            new Discovery(
                source,
                source.urls().stream()
                    .map(u -> new DiscoveredItem(u, null, null, source.name(), null))
                    .toList(),
                List.of()),
        fetcher,
        extractor,
        analyzer,
        store,
        taxonomy,
        new PipelineSettings(1, false));
  }

  private static List<SourceConfig> sources() {
    return List.of(
        new SourceConfig(
            "Test",
            SourceConfig.Type.URLS,
            null,
            List.of("https://news.example/probe", "https://news.example/final"),
            null,
            50,
            null));
  }

  private static String completion(String category) {
    return completion(
        category, "Something happened on Tuesday. People involved explained what comes next.");
  }

  private static String completion(String category, String summary) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("summary", summary);
    reply.put("editors_note", "It matters to readers.");
    reply.put("sentiment", "Neutral");
    reply.put("category", category);
    reply.putArray("topics").add("news");
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-1");
    root.put("object", "chat.completion");
    root.put("created", 1764086400L);
    root.put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", reply.toString());
    choice.put("finish_reason", "stop");
    root.putObject("usage")
        .put("prompt_tokens", 1000)
        .put("completion_tokens", 100)
        .put("total_tokens", 1100);
    return root.toString();
  }

  @Test
  void storesProvenanceAndUsageThenAnUnchangedRerunMakesNoRequest() {
    llm.stubFor(
        post(CHAT)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(completion("Science"))));
    ArticleAnalyzer first = analyzer();

    RunReport one = pipeline(first).run("run", sources());

    assertThat(one.count(Outcome.STORED)).isEqualTo(2);
    llm.verify(2, postRequestedFor(urlEqualTo(CHAT)));
    double cost = (1000 * 0.15 + 100 * 0.60) / 1e6;
    assertThat(one.usage().calls()).isEqualTo(2);
    assertThat(one.usage().inputTokens()).isEqualTo(2000);
    assertThat(one.usage().outputTokens()).isEqualTo(200);
    assertThat(one.usage().costUsd())
        .isCloseTo(2 * cost, org.assertj.core.data.Offset.offset(1e-12));
    Entry e = store.entryStore().entries().get(0);
    assertThat(e.provenance().analyzer()).isEqualTo("llm");
    assertThat(e.provenance().model()).isEqualTo("gpt-4o-mini");
    assertThat(e.provenance().analysisVersion()).isEqualTo(first.version());
    assertThat(e.provenance().usage()).isEqualTo(new Usage(1, 1000, 100, cost));
    assertThat(one.analyzer()).isEqualTo("llm (gpt-4o-mini)");

    RunReport two = pipeline(analyzer()).run("run", sources());

    assertThat(two.count(Outcome.UNCHANGED)).isEqualTo(2);
    llm.verify(2, postRequestedFor(urlEqualTo(CHAT)));
    assertThat(two.usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void tokensSpentOnAnItemThatFailsValidationCountInTheRun() {
    llm.stubFor(
        post(CHAT)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(completion("Gardening"))));

    RunReport report = pipeline(analyzer()).run("run", sources());

    assertThat(report.count(Outcome.STORED)).isZero();
    llm.verify(4, postRequestedFor(urlEqualTo(CHAT)));
    assertThat(report.usage().calls()).isEqualTo(4);
    assertThat(report.usage().inputTokens()).isEqualTo(4000);
    assertThat(report.failures()).extracting(f -> f.reason()).containsOnly("invalid-reply");
    assertThat(report.failures()).allSatisfy(f -> assertThat(f.detail()).contains("Gardening"));
  }

  @Test
  void aServerThatKeepsFailingIsRecordedAsAnAnalysisErrorNotAnInvalidReply() {
    llm.stubFor(post(CHAT).willReturn(aResponse().withStatus(503)));

    RunReport report = pipeline(analyzer()).run("run", sources());

    assertThat(report.failures()).extracting(f -> f.reason()).containsOnly("analysis-error");
    assertThat(report.failures()).allSatisfy(f -> assertThat(f.message()).contains("HTTP 503"));
  }

  @Test
  void rejectedCredentialsStopTheRunAfterOneRequest() {
    llm.stubFor(
        post(CHAT)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-pipeline-000000.\","
                            + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")));

    // one request in flight at a time: none is sent after the refusal
    ArticleAnalyzer oneAtATime =
        new OpenAiArticleAnalyzer(
            LlmSettings.defaults()
                .withApiKey("sk-test-pipeline-000000")
                .withBaseUrl(llm.baseUrl() + "/v1")
                .withPromptsDir(Path.of("prompts"))
                .withRetries(Duration.ofSeconds(10), 0, Duration.ZERO, Duration.ZERO)
                .withLimits(0, 0, 1),
            taxonomy);
    RunReport report = pipeline(oneAtATime).run("run", sources());

    assertThat(report.status()).isEqualTo("failed");
    assertThat(report.fatal())
        .contains("rejected the credentials")
        .doesNotContain("sk-test-pipeline");
    llm.verify(1, postRequestedFor(urlEqualTo(CHAT)));
    assertThat(store.entryStore().entries()).isEmpty();
  }

  @Test
  void aReplyThatStaysUnfaithfulAfterItsRepairIsStoredWithFlagsAndCounted() {
    llm.stubFor(
        post(CHAT)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        completion(
                            "Science",
                            "Minister Marovia said 2,000 people watched on Tuesday. Everyone involved explained what comes next."))));

    RunReport report = pipeline(analyzer()).run("run", sources());

    llm.verify(4, postRequestedFor(urlEqualTo(CHAT)));
    assertThat(report.count(Outcome.STORED)).isEqualTo(2);
    assertThat(report.count(Outcome.FLAGGED)).isEqualTo(2);
    assertThat(report.summary()).contains("flagged=2");
    assertThat(store.entryStore().entries())
        .allSatisfy(
            e ->
                assertThat(e.flags())
                    .containsExactly(
                        "unsupported number \"2,000\"", "unsupported name \"Marovia\""));
  }

  @Test
  void aFaithfulReplyIsStoredWithoutFlagsAndNotCountedAsFlagged() {
    llm.stubFor(
        post(CHAT)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(completion("Science"))));

    RunReport report = pipeline(analyzer()).run("run", sources());

    assertThat(report.count(Outcome.FLAGGED)).isZero();
    assertThat(store.entryStore().entries()).allSatisfy(e -> assertThat(e.flags()).isEmpty());
  }
}
