package dev.pulse.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code pulse analyze --analyzer llm} against WireMock playing an OpenAI-compatible server. */
class AnalyzeCommandLlmTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PulseCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static String completion(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-1");
    root.put("object", "chat.completion");
    root.put("created", 1764086400L);
    root.put("model", "llama3.1:8b");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    root.putObject("usage")
        .put("prompt_tokens", 950)
        .put("completion_tokens", 120)
        .put("total_tokens", 1070);
    return root.toString();
  }

  private Path input() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(
        in,
        "{\"id\": \"a1\", \"title\": \"Rover finds clay on Mars\","
            + " \"text\": \"The rover found clay minerals in an old crater. Scientists say water once pooled there.\"}\n");
    return in;
  }

  @Test
  void analyzesWithTheLlmNamedByConfigAndFlags() throws Exception {
    ObjectNode reply = JSON.createObjectNode();
    reply.put(
        "summary",
        "A Mars rover found clay minerals in an old crater. Scientists say water once pooled there.");
    reply.put("editors_note", "Clay points to a wetter past on Mars.");
    reply.put("sentiment", "Positive");
    reply.put("category", "Science");
    reply.putArray("topics").add("Mars").add("geology");
    wm.stubFor(
        post("/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(completion(reply.toString()))));
    Path config = dir.resolve("pulse.yml");
    Files.writeString(config, "llm:\n  structured_output: json_object\n  max_retries: 0\n");
    Path outFile = dir.resolve("out.jsonl");

    int code =
        run(
            "analyze",
            "--analyzer",
            "llm",
            "--config",
            config.toString(),
            "--base-url",
            wm.baseUrl() + "/v1",
            "--model",
            "llama3.1:8b",
            "--in",
            input().toString(),
            "--out",
            outFile.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(outFile);
    assertThat(lines).hasSize(1);
    JsonNode line = JSON.readTree(lines.get(0));
    assertThat(line.get("id").asText()).isEqualTo("a1");
    assertThat(line.get("category").asText()).isEqualTo("Science");
    assertThat(line.get("sentiment").asText()).isEqualTo("Positive");
    assertThat(out.toString()).contains("with llm");
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.1:8b")))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object"))));
  }

  @Test
  void rejectedCredentialsStopTheCommandWithExitCode4() throws Exception {
    wm.stubFor(
        post("/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                            + "\"param\":null,\"code\":\"invalid_api_key\"}}")));

    int code =
        run(
            "analyze",
            "--analyzer",
            "llm",
            "--base-url",
            wm.baseUrl() + "/v1",
            "--in",
            input().toString(),
            "--out",
            dir.resolve("out.jsonl").toString());

    assertThat(code).isEqualTo(ExitCodes.FATAL);
    assertThat(err.toString())
        .contains("rejected the credentials (HTTP 401)")
        .contains("OPENAI_API_KEY");
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }
}
