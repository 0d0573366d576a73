package dev.pulse.analyze.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.analyze.llm.LlmSettings.StructuredOutput;
import dev.pulse.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  private static JsonNode llmSection(String yaml) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(yaml).get("llm");
  }

  @Test
  void withoutFileOrEnvironmentItIsTheDefaultsAndNotConfigured() {
    LlmSettings s = LlmSettings.from(null, Map.of());

    assertThat(s.model()).isEqualTo("gpt-4o-mini");
    assertThat(s.apiKey()).isNull();
    assertThat(s.configured()).isFalse();
    assertThat(s.effectiveBaseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(s.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
    assertThat(s.promptsDir()).isEqualTo(Path.of("prompts"));
  }

  @Test
  void theOldNumericDurationKeysAreStillRead() throws Exception {
    LlmSettings s =
        LlmSettings.from(
            llmSection(
                """
        llm:
          timeout_seconds: 1.5
          retry_initial_delay_ms: 250
          retry_max_delay_ms: 20000
        """),
            Map.of());

    assertThat(s.timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(s.retryInitialDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.retryMaxDelay()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void anOldKeyBesideItsNewNameIsRefused() {
    assertThatThrownBy(
            () ->
                LlmSettings.from(llmSection("llm: {timeout: 30s, timeout_seconds: 60}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("llm.timeout_seconds and llm.timeout");
  }

  @Test
  void durationsComeFromTheEnvironmentAndFlagsInTheSameSyntax() {
    LlmSettings s =
        LlmSettings.from(null, Map.of("PULSE_LLM_TIMEOUT", "45s"))
            .withOverrides(Map.of("retry_max_delay", "2m"));

    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.retryMaxDelay()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void readsEveryKeyOfTheLlmSection() throws Exception {
    JsonNode llm =
        llmSection(
            """
        llm:
          base_url: http://127.0.0.1:11434/v1
          model: llama3.1:8b
          temperature: 0.0
          max_output_tokens: 400
          timeout: 2m
          max_retries: 2
          retry_initial_delay: 500ms
          retry_max_delay: 20s
          input_token_budget: 2000
          requests_per_minute: 30
          tokens_per_minute: 50000
          max_concurrent: 1
          structured_output: json_object
          auto_fallback: false
          prompts_dir: my-prompts
          prices:
            llama3.1: {input: 0, output: 0}
            gpt-4o-mini: {input: 0.2, output: 0.8}
        """);

    LlmSettings s = LlmSettings.from(llm, Map.of());

    assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
    assertThat(s.configured()).isTrue();
    assertThat(s.model()).isEqualTo("llama3.1:8b");
    assertThat(s.temperature()).isZero();
    assertThat(s.maxOutputTokens()).isEqualTo(400);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.maxRetries()).isEqualTo(2);
    assertThat(s.retryInitialDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.retryMaxDelay()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.inputTokenBudget()).isEqualTo(2000);
    assertThat(s.requestsPerMinute()).isEqualTo(30);
    assertThat(s.tokensPerMinute()).isEqualTo(50000);
    assertThat(s.maxConcurrent()).isEqualTo(1);
    assertThat(s.structuredOutput()).isEqualTo(StructuredOutput.JSON_OBJECT);
    assertThat(s.autoFallback()).isFalse();
    assertThat(s.promptsDir()).isEqualTo(Path.of("my-prompts"));
    assertThat(s.priceOf("llama3.1:8b")).isEqualTo(new LlmSettings.Price(0, 0));
    assertThat(s.priceOf("gpt-4o-mini")).isEqualTo(new LlmSettings.Price(0.2, 0.8));
    assertThat(s.priceOf("gpt-4o")).isEqualTo(new LlmSettings.Price(2.5, 10));
  }

  @Test
  void theEnvironmentOverridesTheFileAndFlagsOverrideBoth() throws Exception {
    JsonNode llm = llmSection("llm: {base_url: 'http://file.example/v1', model: from-file}");

    LlmSettings s =
        LlmSettings.from(
            llm,
            Map.of(
                "OPENAI_API_KEY",
                "sk-env-key-123456",
                "OPENAI_BASE_URL",
                "http://env.example/v1",
                "PULSE_LLM_MODEL",
                "from-env"));

    assertThat(s.apiKey()).isEqualTo("sk-env-key-123456");
    assertThat(s.baseUrl()).isEqualTo("http://env.example/v1");
    assertThat(s.model()).isEqualTo("from-env");
    assertThat(s.withModel("from-flag").withBaseUrl("http://flag.example/v1"))
        .extracting(LlmSettings::model, LlmSettings::baseUrl, LlmSettings::apiKey)
        .containsExactly("from-flag", "http://flag.example/v1", "sk-env-key-123456");
  }

  @Test
  void anApiKeyInTheConfigFileIsRefused() throws Exception {
    assertThatThrownBy(() -> LlmSettings.from(llmSection("llm: {api_key: sk-oops-1234}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("OPENAI_API_KEY")
        .hasMessageNotContaining("sk-oops");
  }

  @Test
  void unknownKeysAndBadValuesAreConfigErrors() throws Exception {
    assertThatThrownBy(() -> LlmSettings.from(llmSection("llm: {modle: x}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("llm.modle is not a known setting");
    assertThatThrownBy(() -> LlmSettings.from(llmSection("llm: {temperature: hot}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("llm.temperature");
    assertThatThrownBy(
            () -> LlmSettings.from(llmSection("llm: {structured_output: xml}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("json_schema, json_object or prompt");
    assertThatThrownBy(() -> LlmSettings.from(llmSection("llm: {max_concurrent: 0}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("max_concurrent");
    assertThatThrownBy(
            () -> LlmSettings.from(llmSection("llm: {prices: {x: {input: 1}}}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("llm.prices.x");
  }

  @Test
  void readsTheBreakerSettingsAndRefusesOnesThatCannotWork() throws Exception {
    LlmSettings s =
        LlmSettings.from(
            llmSection("llm: {breaker_failures: 5, breaker_cool_down: 90s}"), Map.of());

    assertThat(s.breaker())
        .isEqualTo(new dev.pulse.retry.Breaker.Policy(5, Duration.ofSeconds(90)));
    assertThat(LlmSettings.from(null, Map.of()).breaker())
        .isEqualTo(dev.pulse.retry.Breaker.Policy.DEFAULT);
    assertThatThrownBy(() -> LlmSettings.from(llmSection("llm: {breaker_failures: 0}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("llm.breaker_failures must be at least 1");
    assertThatThrownBy(
            () -> LlmSettings.from(llmSection("llm: {breaker_cool_down: soon}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("llm.breaker_cool_down");
  }

  @Test
  void toStringShowsOnlyWhetherAKeyIsSet() {
    LlmSettings s =
        LlmSettings.defaults()
            .withApiKey("sk-secret-abcdef123456")
            .withBaseUrl("https://user:pass@proxy.example/v1?token=abc");

    assertThat(s.toString())
        .contains("apiKey=set")
        .doesNotContain("secret")
        .doesNotContain("pass")
        .doesNotContain("token=abc")
        .contains("https://proxy.example/v1");
  }

  @Test
  void costsTokensByThePriceTable() {
    LlmSettings s = LlmSettings.defaults();

    assertThat(s.costUsd(1_000_000, 1_000_000)).isCloseTo(0.75, within(1e-9));
    assertThat(s.withModel("gpt-4o-mini-2024-07-18").costUsd(2_000_000, 0))
        .isCloseTo(0.30, within(1e-9));
    assertThat(s.withModel("mystery-model").costUsd(1000, 1000)).isZero();
  }

  @Test
  void anySettingCanComeFromTheEnvironmentOrAFlagAndIsCheckedLikeTheFile() {
    LlmSettings s =
        LlmSettings.from(
            null,
            java.util.Map.of(
                "PULSE_LLM_TEMPERATURE", "0.7",
                "PULSE_LLM_MAX_OUTPUT_TOKENS", "300",
                "PULSE_LLM_TIMEOUT_SECONDS", "15"));
    assertThat(s.temperature()).isEqualTo(0.7);
    assertThat(s.maxOutputTokens()).isEqualTo(300);
    assertThat(s.timeout()).isEqualTo(java.time.Duration.ofSeconds(15));

    LlmSettings flagged =
        s.withOverrides(java.util.Map.of("temperature", "0.1", "structured_output", "json_object"));
    assertThat(flagged.temperature()).isEqualTo(0.1);
    assertThat(flagged.structuredOutput()).isEqualTo(LlmSettings.StructuredOutput.JSON_OBJECT);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> s.withOverrides(java.util.Map.of("temperature", "warm")))
        .hasMessageContaining("llm.temperature");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> s.withOverrides(java.util.Map.of("temprature", "0.2")))
        .hasMessageContaining("temprature");
  }
}
