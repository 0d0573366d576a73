package dev.pulse.cli;

import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.llm.OpenAiArticleAnalyzer;
import dev.pulse.analyze.ArticleAnalyzer;

import static dev.pulse.analyze.llm.OpenAiFixtures.TAXONOMY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.config.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

  /** A stand-in for the embedded analyzer, counting how often it is made. */
  private final AtomicInteger made = new AtomicInteger();

  private final Supplier<ArticleAnalyzer> embedded =
      () -> {
        made.incrementAndGet();
        return new ArticleAnalyzer() {
          @Override
          public Analysis analyze(ArticleText article) {
            throw new UnsupportedOperationException("not needed here");
          }

          @Override
          public String name() {
            return "embedded";
          }

          @Override
          public String model() {
            return "none";
          }

          @Override
          public String version() {
            return "0";
          }
        };
      };

  private static final LlmSettings NOTHING = LlmSettings.defaults().withPromptsDir(Path.of("prompts"));

  @Test
  void autoPicksTheEmbeddedAnalyzerWhenNoEndpointIsConfigured() {
    ArticleAnalyzer a = Analyzers.create("auto", TAXONOMY, NOTHING, embedded);

    assertThat(a.name()).isEqualTo("embedded");
    assertThat(made).hasValue(1);
  }

  @Test
  void autoPicksTheLlmWhenAKeyOrABaseUrlIsConfigured() {
    ArticleAnalyzer withKey = Analyzers.create(null, TAXONOMY, NOTHING.withApiKey("sk-test-000000"), embedded);
    ArticleAnalyzer withUrl =
        Analyzers.create("AUTO", TAXONOMY, NOTHING.withBaseUrl("http://127.0.0.1:11434/v1"), embedded);

    assertThat(withKey).isInstanceOf(OpenAiArticleAnalyzer.class);
    assertThat(withUrl.name()).isEqualTo("llm");
    assertThat(withUrl.model()).isEqualTo("gpt-4o-mini");
    assertThat(made).hasValue(0);
  }

  @Test
  void embeddedIsUsedWhenAskedForEvenWithAKey() {
    assertThat(Analyzers.create("embedded", TAXONOMY, NOTHING.withApiKey("sk-test-000000"), embedded).name())
        .isEqualTo("embedded");
  }

  @Test
  void llmWithoutKeyOrBaseUrlIsAConfigError() {
    assertThatThrownBy(() -> Analyzers.create("llm", TAXONOMY, NOTHING, embedded))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("OPENAI_API_KEY");
  }

  @Test
  void anUnknownChoiceIsAConfigError() {
    assertThatThrownBy(() -> Analyzers.create("gpt", TAXONOMY, NOTHING, embedded))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auto, llm or embedded");
  }
}
