package dev.pulse.analyze.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.config.ConfigException;
import dev.pulse.config.Section;
import dev.pulse.retry.Breaker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the LLM analyzer. Built by {@link #from(JsonNode, Map)} from the {@code llm:} section
 * of the config file and the environment; flags override with the {@code with...} methods.
 *
 * <p>The API key comes from the environment only ({@code OPENAI_API_KEY}); a config file that holds
 * one is rejected. {@link #toString()} never prints it.
 *
 * @param apiKey API key, or null when none is set (local servers such as Ollama need none)
 * @param baseUrl OpenAI-compatible endpoint, or null for OpenAI's own ({@link #DEFAULT_BASE_URL})
 * @param model model name (Azure: the deployment name)
 * @param temperature sampling temperature, 0-2
 * @param maxOutputTokens cap on the reply's tokens
 * @param timeout per-request timeout
 * @param maxRetries retries after the first attempt on 429, 5xx and timeouts
 * @param retryInitialDelay backoff before the first retry; doubled for each further one, with
 *     jitter
 * @param retryMaxDelay longest single wait between attempts, also the cap on {@code Retry-After}
 * @param inputTokenBudget the most tokens of article (title and text) sent per request
 * @param requestsPerMinute client-side cap on requests per minute, paced evenly; 0 means no cap
 *     (the defaults give way to the limits the server announces; a configured one is only lowered)
 * @param tokensPerMinute client-side cap on tokens (in + out) per minute, paced evenly; 0 means no
 *     cap
 * @param maxConcurrent most requests in flight at once
 * @param structuredOutput how the reply's JSON shape is requested
 * @param autoFallback step down to a simpler {@link StructuredOutput} when the server refuses one
 * @param prices USD per million tokens, by model name (longest prefix wins)
 * @param promptsDir directory holding {@code system.txt}, {@code user.txt}, {@code repair.txt}
 * @param breaker after how many consecutive timeouts, 5xx or network errors (across all items) the
 *     endpoint is left alone, and for how long ({@code breaker_failures}, {@code
 *     breaker_cool_down})
 */
public record LlmSettings(
    @Nullable String apiKey,
    @Nullable String baseUrl,
    String model,
    double temperature,
    int maxOutputTokens,
    Duration timeout,
    int maxRetries,
    Duration retryInitialDelay,
    Duration retryMaxDelay,
    int inputTokenBudget,
    int requestsPerMinute,
    int tokensPerMinute,
    int maxConcurrent,
    StructuredOutput structuredOutput,
    boolean autoFallback,
    Map<String, Price> prices,
    Path promptsDir,
    Breaker.Policy breaker) {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_MODEL = "gpt-4o-mini";

  /** Environment variables read by {@link #from}. */
  public static final String ENV_API_KEY = "OPENAI_API_KEY";

  public static final String ENV_BASE_URL = "OPENAI_BASE_URL";
  public static final String ENV_MODEL = "PULSE_LLM_MODEL";

  /**
   * Any {@code llm:} setting but prices can come from {@code PULSE_LLM_<KEY>}, e.g.
   * PULSE_LLM_TEMPERATURE.
   */
  public static final String ENV_PREFIX = "PULSE_LLM_";

  /** List prices in USD per million tokens (checked on openai.com/api/pricing, 2025). */
  public static final Map<String, Price> DEFAULT_PRICES =
      Map.of(
          "gpt-4o-mini", new Price(0.15, 0.60),
          "gpt-4o", new Price(2.50, 10.00),
          "gpt-4.1-nano", new Price(0.10, 0.40),
          "gpt-4.1-mini", new Price(0.40, 1.60),
          "gpt-4.1", new Price(2.00, 8.00));

  private static final Set<String> KEYS =
      Set.of(
          "base_url",
          "model",
          "temperature",
          "max_output_tokens",
          "timeout",
          "timeout_seconds", // before durations had one syntax; read, with a warning
          "max_retries",
          "retry_initial_delay",
          "retry_initial_delay_ms",
          "retry_max_delay",
          "retry_max_delay_ms",
          "input_token_budget",
          "requests_per_minute",
          "tokens_per_minute",
          "max_concurrent",
          "structured_output",
          "auto_fallback",
          "prices",
          "prompts_dir",
          "breaker_failures",
          "breaker_cool_down");

  /** How the reply's JSON shape is asked for; each step down is understood by more servers. */
  public enum StructuredOutput {
    /** {@code response_format: json_schema} with a strict schema (OpenAI, Azure, Ollama, vLLM). */
    JSON_SCHEMA,
    /** {@code response_format: json_object}: any JSON object; the prompt gives the shape. */
    JSON_OBJECT,
    /** No response_format; the prompt alone asks for JSON. */
    PROMPT;

    /** The config spelling: json_schema, json_object, prompt. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static StructuredOutput parse(String text) {
      for (StructuredOutput s : values()) {
        if (s.key().equalsIgnoreCase(text.strip())) {
          return s;
        }
      }
      throw new ConfigException(
          "llm.structured_output must be json_schema, json_object or prompt, not '" + text + "'");
    }

    /** The next simpler mode, or null after {@link #PROMPT}. */
    @Nullable StructuredOutput simpler() {
      return this == PROMPT ? null : values()[ordinal() + 1];
    }
  }

  /**
   * A model's price.
   *
   * @param inputPerMillion USD per million input (prompt) tokens
   * @param outputPerMillion USD per million output (completion) tokens
   */
  public record Price(double inputPerMillion, double outputPerMillion) {
    public Price {
      if (inputPerMillion < 0 || outputPerMillion < 0) {
        throw new IllegalArgumentException("prices must not be negative");
      }
    }
  }

  public LlmSettings {
    apiKey = blankToNull(apiKey);
    baseUrl = blankToNull(baseUrl);
    if (model == null || model.isBlank()) {
      throw new ConfigException("llm.model must not be blank");
    }
    model = model.strip();
    require(temperature >= 0 && temperature <= 2, "llm.temperature must be between 0 and 2");
    require(maxOutputTokens > 0, "llm.max_output_tokens must be positive");
    Objects.requireNonNull(timeout, "timeout");
    require(!timeout.isNegative() && !timeout.isZero(), "llm.timeout must be positive");
    require(maxRetries >= 0, "llm.max_retries must not be negative");
    Objects.requireNonNull(retryInitialDelay, "retryInitialDelay");
    Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
    require(!retryInitialDelay.isNegative(), "llm.retry_initial_delay must not be negative");
    require(
        retryMaxDelay.compareTo(retryInitialDelay) >= 0,
        "llm.retry_max_delay must be at least llm.retry_initial_delay");
    require(inputTokenBudget >= 100, "llm.input_token_budget must be at least 100");
    require(requestsPerMinute >= 0, "llm.requests_per_minute must not be negative");
    require(tokensPerMinute >= 0, "llm.tokens_per_minute must not be negative");
    require(maxConcurrent >= 1, "llm.max_concurrent must be at least 1");
    Objects.requireNonNull(structuredOutput, "structuredOutput");
    prices = Map.copyOf(prices);
    Objects.requireNonNull(promptsDir, "promptsDir");
    Objects.requireNonNull(breaker, "breaker");
  }

  /** Defaults for everything, key and base URL from nowhere: OpenAI's endpoint, gpt-4o-mini. */
  public static LlmSettings defaults() {
    return new LlmSettings(
        null,
        null,
        DEFAULT_MODEL,
        0.2,
        600,
        Duration.ofSeconds(60),
        4,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        3000,
        // OpenAI's first paid tier for gpt-4o-mini; the server's rate-limit headers replace them
        500,
        200_000,
        4,
        StructuredOutput.JSON_SCHEMA,
        true,
        DEFAULT_PRICES,
        Path.of("prompts"),
        Breaker.Policy.DEFAULT);
  }

  /**
   * Reads the settings: defaults, then the config file's {@code llm:} section, then the environment
   * ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code PULSE_LLM_MODEL}).
   *
   * @param llm the {@code llm:} node of the config file, or null when there is none
   * @param env the environment, usually {@code System.getenv()}
   * @throws ConfigException on an unknown key, a wrong value, or an API key in the file
   */
  public static LlmSettings from(@Nullable JsonNode llm, Map<String, String> env) {
    LlmSettings s = defaults();
    if (llm != null && !llm.isNull() && !llm.isMissingNode()) {
      s = applyFile(s, llm);
    }
    s = s.withApiKey(env.get(ENV_API_KEY));
    if (blankToNull(env.get(ENV_BASE_URL)) != null) {
      s = s.withBaseUrl(env.get(ENV_BASE_URL));
    }
    Map<String, String> fromEnv = new LinkedHashMap<>();
    for (String key : KEYS) {
      String value = blankToNull(env.get(ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT)));
      if (value != null && !key.equals("prices")) {
        fromEnv.put(key, value);
      }
    }
    return s.withOverrides(fromEnv);
  }

  /**
   * These settings with some replaced, each given as text the way the environment ({@code
   * PULSE_LLM_TEMPERATURE=0.3}) or a flag ({@code --llm temperature=0.3}) gives it: read as a YAML
   * scalar, then checked like the config file's {@code llm:} section.
   */
  public LlmSettings withOverrides(Map<String, String> overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    com.fasterxml.jackson.databind.node.ObjectNode node =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    com.fasterxml.jackson.databind.ObjectMapper yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    overrides.forEach(
        (key, value) -> {
          JsonNode scalar;
          try {
            scalar = yaml.readTree(value);
          } catch (java.io.IOException | RuntimeException e) {
            scalar = null;
          }
          if (scalar == null || scalar.isMissingNode() || scalar.isContainerNode()) {
            node.put(key, value);
          } else {
            node.set(key, scalar);
          }
        });
    return applyFile(this, node);
  }

  private static LlmSettings applyFile(LlmSettings s, JsonNode llm) {
    if (!llm.isObject()) {
      throw new ConfigException("llm: expected a mapping of settings");
    }
    for (Iterator<String> it = llm.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equalsIgnoreCase("api_key") || key.equalsIgnoreCase("apikey")) {
        throw new ConfigException(
            "llm.api_key must not be in the config file; set the OPENAI_API_KEY environment variable");
      }
    }
    Section f = Section.of("llm", llm).requireKnown(KEYS);
    Map<String, Price> prices = new LinkedHashMap<>(s.prices);
    prices.putAll(parsePrices(llm.get("prices")));
    return s.toBuilder()
        .baseUrl(f.text("base_url", s.baseUrl))
        .model(f.text("model", s.model))
        .temperature(f.number("temperature", s.temperature))
        .maxOutputTokens((int) f.number("max_output_tokens", s.maxOutputTokens))
        .timeout(f.duration("timeout", "timeout_seconds", ChronoUnit.SECONDS, s.timeout))
        .maxRetries((int) f.number("max_retries", s.maxRetries))
        .retryInitialDelay(
            f.duration(
                "retry_initial_delay",
                "retry_initial_delay_ms",
                ChronoUnit.MILLIS,
                s.retryInitialDelay))
        .retryMaxDelay(
            f.duration("retry_max_delay", "retry_max_delay_ms", ChronoUnit.MILLIS, s.retryMaxDelay))
        .inputTokenBudget((int) f.number("input_token_budget", s.inputTokenBudget))
        .requestsPerMinute((int) f.number("requests_per_minute", s.requestsPerMinute))
        .tokensPerMinute((int) f.number("tokens_per_minute", s.tokensPerMinute))
        .maxConcurrent((int) f.number("max_concurrent", s.maxConcurrent))
        .structuredOutput(
            f.has("structured_output")
                ? StructuredOutput.parse(f.text("structured_output", null))
                : s.structuredOutput)
        .autoFallback(f.bool("auto_fallback", s.autoFallback))
        .prices(prices)
        .promptsDir(Path.of(f.text("prompts_dir", s.promptsDir.toString())))
        .breaker(f.breaker(s.breaker))
        .build();
  }

  private static Map<String, Price> parsePrices(@Nullable JsonNode node) {
    Map<String, Price> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ConfigException("llm.prices: expected model: {input: USD, output: USD} entries");
    }
    node.properties()
        .forEach(
            e -> {
              JsonNode p = e.getValue();
              String where = "llm.prices." + e.getKey();
              if (!p.isObject() || !p.path("input").isNumber() || !p.path("output").isNumber()) {
                throw new ConfigException(
                    where + ": expected {input: USD, output: USD} per 1M tokens");
              }
              try {
                out.put(
                    e.getKey(), new Price(p.get("input").asDouble(), p.get("output").asDouble()));
              } catch (IllegalArgumentException ex) {
                throw new ConfigException(where + ": " + ex.getMessage());
              }
            });
    return out;
  }

  /** Whether an LLM endpoint was configured at all: a key or a base URL ("auto" picks the LLM). */
  public boolean configured() {
    return apiKey != null || baseUrl != null;
  }

  /** The endpoint requests go to. */
  public String effectiveBaseUrl() {
    return baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
  }

  /** The endpoint without user info or query, safe to log. */
  public String displayBaseUrl() {
    try {
      java.net.URI u = java.net.URI.create(effectiveBaseUrl());
      if (u.getScheme() == null || u.getHost() == null) {
        return "(configured base URL)";
      }
      return u.getScheme()
          + "://"
          + u.getHost()
          + (u.getPort() < 0 ? "" : ":" + u.getPort())
          + (u.getPath() == null ? "" : u.getPath());
    } catch (IllegalArgumentException e) {
      return "(configured base URL)";
    }
  }

  /** Cost in USD of the given tokens on this model; 0 when the price table does not know it. */
  public double costUsd(long inputTokens, long outputTokens) {
    Price p = priceOf(model);
    return p == null
        ? 0.0
        : (inputTokens * p.inputPerMillion + outputTokens * p.outputPerMillion) / 1_000_000.0;
  }

  /** The price of a model: exact name, else the longest configured name it starts with. */
  public @Nullable Price priceOf(String modelName) {
    Price exact = prices.get(modelName);
    if (exact != null) {
      return exact;
    }
    String best = null;
    for (String name : prices.keySet()) {
      if (modelName.startsWith(name) && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    return best == null ? null : prices.get(best);
  }

  public LlmSettings withApiKey(@Nullable String key) {
    return toBuilder().apiKey(key).build();
  }

  /** For {@code --base-url}. */
  public LlmSettings withBaseUrl(@Nullable String url) {
    return toBuilder().baseUrl(url).build();
  }

  /** For {@code --model}. */
  public LlmSettings withModel(String name) {
    return toBuilder().model(name).build();
  }

  public LlmSettings withStructuredOutput(StructuredOutput mode) {
    return toBuilder().structuredOutput(mode).build();
  }

  public LlmSettings withPromptsDir(Path dir) {
    return toBuilder().promptsDir(dir).build();
  }

  /** Timeout, retries and backoff in one go (mostly for tests and impatient runs). */
  public LlmSettings withRetries(
      Duration requestTimeout, int retries, Duration initialDelay, Duration maxDelay) {
    return toBuilder()
        .timeout(requestTimeout)
        .maxRetries(retries)
        .retryInitialDelay(initialDelay)
        .retryMaxDelay(maxDelay)
        .build();
  }

  /** Client-side limits; 0 for requests or tokens per minute means no cap. */
  public LlmSettings withLimits(int rpm, int tpm, int concurrent) {
    return toBuilder()
        .requestsPerMinute(rpm)
        .tokensPerMinute(tpm)
        .maxConcurrent(concurrent)
        .build();
  }

  /** When the endpoint is left alone after failing, and for how long. */
  public LlmSettings withBreaker(Breaker.Policy policy) {
    return toBuilder().breaker(policy).build();
  }

  public LlmSettings withInputTokenBudget(int tokens) {
    return toBuilder().inputTokenBudget(tokens).build();
  }

  /** A builder starting from these settings: the way to change several at once by name. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Settings by name rather than by position (eighteen of them: swapped arguments of one type would
   * compile); {@link #build()} checks them like the constructor.
   */
  public static final class Builder {
    private @Nullable String apiKey;
    private @Nullable String baseUrl;
    private String model;
    private double temperature;
    private int maxOutputTokens;
    private Duration timeout;
    private int maxRetries;
    private Duration retryInitialDelay;
    private Duration retryMaxDelay;
    private int inputTokenBudget;
    private int requestsPerMinute;
    private int tokensPerMinute;
    private int maxConcurrent;
    private StructuredOutput structuredOutput;
    private boolean autoFallback;
    private Map<String, Price> prices;
    private Path promptsDir;
    private Breaker.Policy breaker;

    private Builder(LlmSettings s) {
      apiKey = s.apiKey;
      baseUrl = s.baseUrl;
      model = s.model;
      temperature = s.temperature;
      maxOutputTokens = s.maxOutputTokens;
      timeout = s.timeout;
      maxRetries = s.maxRetries;
      retryInitialDelay = s.retryInitialDelay;
      retryMaxDelay = s.retryMaxDelay;
      inputTokenBudget = s.inputTokenBudget;
      requestsPerMinute = s.requestsPerMinute;
      tokensPerMinute = s.tokensPerMinute;
      maxConcurrent = s.maxConcurrent;
      structuredOutput = s.structuredOutput;
      autoFallback = s.autoFallback;
      prices = s.prices;
      promptsDir = s.promptsDir;
      breaker = s.breaker;
    }

    public Builder apiKey(@Nullable String value) {
      apiKey = value;
      return this;
    }

    public Builder baseUrl(@Nullable String value) {
      baseUrl = value;
      return this;
    }

    public Builder model(String value) {
      model = value;
      return this;
    }

    public Builder temperature(double value) {
      temperature = value;
      return this;
    }

    public Builder maxOutputTokens(int value) {
      maxOutputTokens = value;
      return this;
    }

    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    public Builder maxRetries(int value) {
      maxRetries = value;
      return this;
    }

    public Builder retryInitialDelay(Duration value) {
      retryInitialDelay = value;
      return this;
    }

    public Builder retryMaxDelay(Duration value) {
      retryMaxDelay = value;
      return this;
    }

    public Builder inputTokenBudget(int value) {
      inputTokenBudget = value;
      return this;
    }

    public Builder requestsPerMinute(int value) {
      requestsPerMinute = value;
      return this;
    }

    public Builder tokensPerMinute(int value) {
      tokensPerMinute = value;
      return this;
    }

    public Builder maxConcurrent(int value) {
      maxConcurrent = value;
      return this;
    }

    public Builder structuredOutput(StructuredOutput value) {
      structuredOutput = value;
      return this;
    }

    public Builder autoFallback(boolean value) {
      autoFallback = value;
      return this;
    }

    public Builder prices(Map<String, Price> value) {
      prices = value;
      return this;
    }

    public Builder promptsDir(Path value) {
      promptsDir = value;
      return this;
    }

    public Builder breaker(Breaker.Policy value) {
      breaker = value;
      return this;
    }

    /**
     * @throws ConfigException when a value is out of range
     */
    public LlmSettings build() {
      return new LlmSettings(
          apiKey,
          baseUrl,
          model,
          temperature,
          maxOutputTokens,
          timeout,
          maxRetries,
          retryInitialDelay,
          retryMaxDelay,
          inputTokenBudget,
          requestsPerMinute,
          tokensPerMinute,
          maxConcurrent,
          structuredOutput,
          autoFallback,
          prices,
          promptsDir,
          breaker);
    }
  }

  /** Never shows the key, only whether one is set. */
  @Override
  public String toString() {
    return "LlmSettings[apiKey="
        + (apiKey == null ? "unset" : "set")
        + ", baseUrl="
        + displayBaseUrl()
        + ", model="
        + model
        + ", temperature="
        + temperature
        + ", maxOutputTokens="
        + maxOutputTokens
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", inputTokenBudget="
        + inputTokenBudget
        + ", requestsPerMinute="
        + requestsPerMinute
        + ", tokensPerMinute="
        + tokensPerMinute
        + ", maxConcurrent="
        + maxConcurrent
        + ", structuredOutput="
        + structuredOutput.key()
        + ", autoFallback="
        + autoFallback
        + ", promptsDir="
        + promptsDir
        + ", breaker="
        + breaker
        + "]";
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigException(message);
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
