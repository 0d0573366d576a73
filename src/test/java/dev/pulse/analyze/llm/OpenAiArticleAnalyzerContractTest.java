package dev.pulse.analyze.llm;

import dev.pulse.analyze.ArticleAnalyzerContract;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.ArticleAnalyzer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analyzer contract, for the LLM analyzer against WireMock playing the OpenAI API. */
class OpenAiArticleAnalyzerContractTest extends ArticleAnalyzerContract {

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @BeforeEach
  void stub() {
    wm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(OpenAiFixtures.completion(OpenAiFixtures.validContent(), 812, 143))));
  }

  @Override
  protected ArticleAnalyzer analyzer(Taxonomy taxonomy) {
    return new OpenAiArticleAnalyzer(
        LlmSettings.defaults()
            .withApiKey(OpenAiFixtures.KEY)
            .withBaseUrl(wm.baseUrl() + "/v1")
            .withPromptsDir(Path.of("prompts")),
        taxonomy);
  }
}
