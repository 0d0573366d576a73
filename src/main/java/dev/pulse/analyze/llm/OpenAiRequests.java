package dev.pulse.analyze.llm;

import com.openai.client.okhttp.OkHttpClient;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialChatModel;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import dev.pulse.analyze.Taxonomy;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j/OpenAI plumbing in one place: the chat model built from {@link LlmSettings}, the
 * request for each structured-output mode, and the reply's text and usage.
 */
final class OpenAiRequests {

  /** Sent as the key to servers that need none (Ollama, vLLM): the SDK insists on some key. */
  static final String NO_KEY = "no-key";

  static final String SCHEMA_NAME = "article_analysis";

  private OpenAiRequests() {}

  /** The reply of one call: its text (may be null) and the tokens the API reported. */
  record Reply(@Nullable String text, long inputTokens, long outputTokens) {}

  /** The LangChain4j chat model on the official SDK; retries are left to the caller. */
  static ChatModel chatModel(LlmSettings s) {
    return chatModel(s, limits -> {});
  }

  /**
   * As {@link #chatModel(LlmSettings)}, handing what every answer's rate-limit headers say to
   * {@code observer}.
   */
  static ChatModel chatModel(LlmSettings s, Consumer<LlmRateLimiter.ServerLimits> observer) {
    OpenAiOfficialChatModel.Builder builder =
        OpenAiOfficialChatModel.builder()
            .baseUrl(s.effectiveBaseUrl())
            .apiKey(s.apiKey() == null ? NO_KEY : s.apiKey())
            .modelName(s.model())
            .temperature(s.temperature())
            // max_tokens rather than max_completion_tokens: understood by every compatible server.
            .defaultRequestParameters(
                ChatRequestParameters.builder().maxOutputTokens(s.maxOutputTokens()).build())
            .strictJsonSchema(true)
            .timeout(s.timeout())
            .maxRetries(0);
    return new HeaderWatchingChatModel(builder, s.timeout(), observer);
  }

  /**
   * The chat model LangChain4j builds (OpenAI, Azure and compatible endpoints alike), its SDK
   * client's HTTP client swapped for one that reads the rate-limit headers. (Handing the builder a
   * ready client instead skips the model's set-up of its default parameters.)
   */
  private static final class HeaderWatchingChatModel extends OpenAiOfficialChatModel
      implements AutoCloseable {
    /** The client the builder made, replaced but still holding its own HTTP client. */
    private final com.openai.client.OpenAIClient built;

    HeaderWatchingChatModel(
        OpenAiOfficialChatModel.Builder builder,
        java.time.Duration timeout,
        Consumer<LlmRateLimiter.ServerLimits> observer) {
      super(builder);
      built = client;
      client =
          client.withOptions(
              o ->
                  o.httpClient(
                      new RateLimitHeaders(
                          OkHttpClient.builder().timeout(timeout).build(), observer)));
    }

    /** Closes the SDK clients (their HTTP connection pools and threads). */
    @Override
    public void close() {
      client.close();
      built.close();
    }
  }

  /** The JSON schema of a reply: the enums carry the sentiment labels and the taxonomy. */
  static JsonSchema schema(Taxonomy taxonomy) {
    JsonObjectSchema root =
        JsonObjectSchema.builder()
            .addStringProperty("summary", "2-4 plain-text sentences")
            .addStringProperty("editors_note", "1-2 plain-text sentences on why it matters")
            .addEnumProperty("sentiment", List.of("Positive", "Neutral", "Negative"))
            .addEnumProperty("category", taxonomy.names())
            .addProperty(
                "topics",
                JsonArraySchema.builder()
                    .description("1-3 short topic tags")
                    .items(JsonStringSchema.builder().build())
                    .build())
            .required("summary", "editors_note", "sentiment", "category", "topics")
            .additionalProperties(false)
            .build();
    return JsonSchema.builder().name(SCHEMA_NAME).rootElement(root).build();
  }

  static ChatRequest request(
      List<ChatMessage> messages, LlmSettings.StructuredOutput mode, JsonSchema schema) {
    OpenAiOfficialChatRequestParameters.Builder params =
        OpenAiOfficialChatRequestParameters.builder();
    switch (mode) {
      case JSON_SCHEMA ->
          params.responseFormat(
              ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build());
      case JSON_OBJECT -> params.responseFormat(ResponseFormat.JSON);
      case PROMPT -> {
        // no response_format: the prompt alone asks for JSON
      }
    }
    return ChatRequest.builder().messages(messages).parameters(params.build()).build();
  }

  static Reply reply(ChatResponse response) {
    TokenUsage u = response.tokenUsage();
    long in = u == null || u.inputTokenCount() == null ? 0 : u.inputTokenCount();
    long out = u == null || u.outputTokenCount() == null ? 0 : u.outputTokenCount();
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    return new Reply(text, in, out);
  }
}
