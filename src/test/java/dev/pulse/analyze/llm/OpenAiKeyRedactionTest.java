package dev.pulse.analyze.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.pulse.analyze.llm.OpenAiFixtures.KEY;
import static dev.pulse.analyze.llm.OpenAiFixtures.TAXONOMY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The API key must not leak into logs, exception messages, stack traces or toString. */
class OpenAiKeyRedactionTest {

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private Level previous;

  @BeforeEach
  void captureLogs() {
    previous = root.getLevel();
    root.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void release() {
    root.detachAppender(logs);
    root.setLevel(previous);
  }

  @Test
  void theKeyAppearsNowhereAPersonCouldRead() {
    String echo = OpenAiFixtures.error("Incorrect API key provided: " + KEY + ".",
        "invalid_request_error", "invalid_api_key");
    wm.stubFor(post("/v1/chat/completions").inScenario("k").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(500).withBody(echo)).willSetStateTo("auth"));
    wm.stubFor(post("/v1/chat/completions").inScenario("k").whenScenarioStateIs("auth")
        .willReturn(aResponse().withStatus(401).withBody(echo)));
    LlmSettings settings = LlmSettings.defaults()
        .withApiKey(KEY)
        .withBaseUrl(wm.baseUrl() + "/v1")
        .withPromptsDir(Path.of("prompts"))
        .withRetries(Duration.ofSeconds(5), 3, Duration.ZERO, Duration.ZERO);
    OpenAiArticleAnalyzer analyzer = new OpenAiArticleAnalyzer(settings, TAXONOMY, d -> { });

    Throwable t = catchThrowable(() -> analyzer.analyze(OpenAiFixtures.article()));

    List<String> readable = new ArrayList<>();
    readable.add(settings.toString());
    readable.add(analyzer.toString());
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    readable.add(trace.toString());
    for (ILoggingEvent e : logs.list) {
      readable.add(e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        readable.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
      }
    }
    assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("HTTP 500"));
    assertThat(t).hasMessageContaining("HTTP 401");
    assertThat(String.join("\n", readable)).doesNotContain(KEY).doesNotContain("TESTKEY");
  }
}
