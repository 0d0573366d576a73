package dev.pulse.analyze.llm;

import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.Taxonomy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Chat-completions bodies shaped like OpenAI's, and a small taxonomy, for the WireMock tests. */
public final class OpenAiFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A key shaped like a real one, so redaction by shape is exercised too. */
  static final String KEY = "sk-proj-TESTKEY0123456789abcdefSECRET";

  public static final Taxonomy TAXONOMY =
      new Taxonomy(
          List.of(
              new Category("World", "International news and foreign affairs.", null, null),
              new Category("Business", "Companies, markets, trade and the economy.", null, null),
              new Category("Science", "Research, space, medicine and the natural world.", null, null),
              new Category("Sports", "Games, athletes, leagues and tournaments.", null, null)));

  static final String SUMMARY =
      "A probe launched by the European Space Agency reached orbit around Jupiter's moon Europa on"
          + " Tuesday after an eight-year journey. Mission controllers in Darmstadt confirmed that all"
          + " instruments are working. The first close pass over the ice shell is planned for March.";

  static final String NOTE = "It is the first spacecraft to study Europa's ocean from orbit.";

  private OpenAiFixtures() {}

  /** The JSON content of a valid reply. */
  static String validContent() {
    return content(SUMMARY, "Positive", "Science", List.of("space", "Europa"));
  }

  static String content(String summary, String sentiment, String category, List<String> topics) {
    ObjectNode n = JSON.createObjectNode();
    n.put("summary", summary);
    n.put("editors_note", NOTE);
    n.put("sentiment", sentiment);
    n.put("category", category);
    n.putArray("topics").addAll(topics.stream().map(JSON.getNodeFactory()::textNode).toList());
    return n.toString();
  }

  /** A complete chat.completion response carrying {@code content} and the given usage. */
  static String completion(String content, int promptTokens, int completionTokens) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    root.put("object", "chat.completion");
    root.put("created", 1764086400L);
    root.put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    message.putNull("refusal");
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", completionTokens);
    usage.put("total_tokens", promptTokens + completionTokens);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    usage.putObject("completion_tokens_details")
        .put("reasoning_tokens", 0)
        .put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0)
        .put("rejected_prediction_tokens", 0);
    root.put("service_tier", "default");
    root.put("system_fingerprint", "fp_34a54ae93c");
    return root.toString();
  }

  /** An OpenAI error body. */
  static String error(String message, String type, String code) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("message", message);
    e.put("type", type);
    e.putNull("param");
    if (code == null) {
      e.putNull("code");
    } else {
      e.put("code", code);
    }
    return root.toString();
  }

  public static ArticleText article() {
    return new ArticleText(
        "https://news.example/europa",
        "Probe reaches orbit around Europa",
        "The European Space Agency's probe entered orbit around Jupiter's moon Europa on Tuesday"
            + " after an eight-year journey.\n\n"
            + "Mission controllers in Darmstadt said every instrument was working.\n\n"
            + "The first close pass over the ice shell is planned for March.",
        "Example News",
        java.time.OffsetDateTime.parse("2026-11-24T09:30:00Z"),
        "en");
  }
}
