package dev.pulse.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import dev.pulse.similar.EntryVectors;
import dev.pulse.publish.SiteRenderer;
import dev.pulse.publish.SiteSettings;
import dev.pulse.publish.TopicSummarizer;
import dev.pulse.store.Entry;
import dev.pulse.store.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The site's trending-topic roll-ups through {@link Publishing#topicSummarizer}, WireMock as the LLM. */
class TrendingRollUpLlmTest {

  private static final String PATH = "/v1/chat/completions";
  private static final Instant NOW = Instant.parse("2025-11-02T12:00:00Z");
  private static final String KEY = "sk-proj-TESTKEY0123456789abcdefSECRET";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SENTENCE =
      "Rover teams confirmed buried water ice near the Martian equator, a likely water supply for"
          + " future crews that will be drilled next spring.";

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  private LlmSettings llm() {
    return LlmSettings.defaults()
        .withApiKey(KEY)
        .withBaseUrl(wm.baseUrl() + "/v1")
        .withPromptsDir(Path.of("prompts"))
        .withRetries(Duration.ofSeconds(10), 1, Duration.ofMillis(1), Duration.ofMillis(5));
  }

  private static SiteSettings settings() {
    return SiteSettings.defaults()
        .withTitle("Pulse Test")
        .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
        .withClusterThreshold(0.3);
  }

  private Element rollUp(TopicSummarizer summarizer, String out) throws IOException {
    Path site = dir.resolve(out);
    new SiteRenderer(settings(), EntryVectors.hashedWords(), summarizer).write(entries(), site);
    Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
    assertThat(index.select(".trending .topic")).hasSize(1);
    return index.selectFirst(".trending .topic .rollup");
  }

  private String extractive() throws IOException {
    return rollUp(TopicSummarizer.extractive(), "extractive").text();
  }

  private static ResponseDefinitionBuilder reply(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    root.put("object", "chat.completion");
    root.put("created", 1764086400L);
    root.put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    root.putObject("usage").put("prompt_tokens", 412).put("completion_tokens", 31).put("total_tokens", 443);
    root.put("system_fingerprint", "fp_34a54ae93c");
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(root.toString());
  }

  private static ResponseDefinitionBuilder error(int status, String message, String type) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("message", message).put("type", type).putNull("param").putNull("code");
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(root.toString());
  }

  @Test
  void theLlmRollUpAppearsOnTheIndexPage() throws IOException {
    wm.stubFor(post(PATH).willReturn(reply(SENTENCE)));

    Element rollUp = rollUp(Publishing.topicSummarizer("auto", llm()), "llm");

    assertThat(rollUp.text()).isEqualTo(SENTENCE);
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    String user = wm.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBodyAsString();
    assertThat(user).contains("<stories>").contains("Mars rover finds buried water ice");
  }

  @Test
  void anInvalidReplyFallsBackToTheExtractiveSentence() throws IOException {
    wm.stubFor(post(PATH).willReturn(reply("## Mars\n- Rovers found ice.\n- Crews may use it.")));

    Element rollUp = rollUp(Publishing.topicSummarizer("llm", llm()), "llm");

    assertThat(rollUp.text()).isEqualTo(extractive()).isNotEmpty();
    assertThat(rollUp.html()).doesNotContain("##");
  }

  @Test
  void aServerErrorFallsBackToTheExtractiveSentence() throws IOException {
    wm.stubFor(post(PATH).willReturn(
        error(500, "The server had an error while processing your request.", "server_error")));

    Element rollUp = rollUp(Publishing.topicSummarizer("auto", llm()), "llm");

    assertThat(rollUp.text()).isEqualTo(extractive());
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void rejectedCredentialsDoNotBreakTheRender() throws IOException {
    wm.stubFor(post(PATH).willReturn(
        error(401, "Incorrect API key provided: sk-proj-****CRET.", "invalid_request_error")));

    Element rollUp = rollUp(Publishing.topicSummarizer("auto", llm()), "llm");

    assertThat(rollUp.text()).isEqualTo(extractive());
  }

  @Test
  void theEmbeddedChoiceOrNoConfiguredLlmKeepsRollUpsExtractiveWithoutARequest() throws IOException {
    assertThat(Publishing.topicSummarizer("embedded", llm())).isSameAs(TopicSummarizer.extractive());
    assertThat(Publishing.topicSummarizer("extractive", llm())).isSameAs(TopicSummarizer.extractive());
    assertThat(Publishing.topicSummarizer("auto", LlmSettings.defaults()))
        .isSameAs(TopicSummarizer.extractive());

    rollUp(Publishing.topicSummarizer("embedded", llm()), "embedded");

    wm.verify(0, postRequestedFor(urlEqualTo(PATH)));
  }

  /** Four stories on Mars ice from three sources within a day, and unrelated stories. */
  private static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    out.add(entry("https://orbit.example/mars-ice", "Orbit Daily",
        "Mars rover finds buried water ice near the equator",
        "NASA's rover detected buried water ice near the Martian equator. The find could supply future crews with water.",
        "Science", List.of("Space", "Mars"), 2));
    out.add(entry("https://stars.example/ice-on-mars", "Star Ledger",
        "Water ice on Mars: rover confirms buried deposits near equator",
        "The rover confirmed buried water ice deposits near the Martian equator. Engineers say the ice could supply water to future crews.",
        "Science", List.of("space"), 5));
    out.add(entry("https://cosmos.example/rover-water", "Cosmos Wire",
        "Rover water ice find on Mars excites planetary scientists",
        "Planetary scientists welcomed the rover's find of buried water ice on Mars near the equator, a supply for future crews.",
        "Science", List.of("Space"), 9));
    out.add(entry("https://orbit.example/mars-ice-drill", "Orbit Daily",
        "Mars water ice: rover team plans drill near equator",
        "The rover team plans to drill into buried water ice near the Martian equator to test supply for future crews.",
        "Science", List.of("Mars"), 20));
    out.add(entry("https://news1.example/bank", "Source 1",
        "Regional bank reports record quarterly profit",
        "Higher lending margins lifted profit to a record. The bank raised its dividend.",
        "Business", List.of("business news"), 30));
    out.add(entry("https://news2.example/floods", "Source 2",
        "Floods force thousands from homes in river valley",
        "Heavy rain flooded villages along the river. Relief agencies opened shelters.",
        "World", List.of("world news"), 37));
    return out;
  }

  private static Entry entry(String url, String source, String title, String summary,
      String category, List<String> topics, double hoursAgo) {
    Instant published = NOW.minusSeconds((long) (hoursAgo * 3600));
    Provenance p = new Provenance("embedded", "all-minilm-l6-v2-q", "embedded-1", "jsoup-1",
        published.plusSeconds(60), published.plusSeconds(120), Integer.toHexString(url.hashCode()),
        Usage.NONE);
    return new Entry(Integer.toHexString(url.hashCode()) + "0000", url, source, title, "Jane Writer",
        OffsetDateTime.ofInstant(published, ZoneOffset.UTC), source + " News", "en", null,
        summary, summary, null, Sentiment.NEUTRAL, category, topics, p);
  }
}
