package dev.pulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions endpoint on 127.0.0.1 at a free port that answers every
 * article with the same valid analysis, or misbehaves on demand: a process-level test's LLM, cheap
 * to start (no embedding model to load) and never writing a file.
 */
final class FakeOpenAi implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How it answers. */
  enum Mode {
    ANSWER,
    /** Accepts the request and never answers. */
    SILENT,
    /** 503 to everything. */
    UNAVAILABLE
  }

  private final HttpServer server;
  private volatile Mode mode = Mode.ANSWER;
  final AtomicInteger calls = new AtomicInteger();

  FakeOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(
        java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-openai");
              t.setDaemon(true);
              return t;
            }));
    server.createContext("/", this::handle);
    server.start();
  }

  void mode(Mode value) {
    mode = value;
  }

  /** The base URL to give Pulse as OPENAI_BASE_URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void handle(HttpExchange ex) throws IOException {
    calls.incrementAndGet();
    ex.getRequestBody().readAllBytes();
    switch (mode) {
      case SILENT -> {
        try {
          Thread.sleep(600_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ex.close();
      }
      case UNAVAILABLE ->
          send(ex, 503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
      case ANSWER -> send(ex, 200, completion());
    }
  }

  private static String completion() {
    ObjectNode content = JSON.createObjectNode();
    content.put(
        "summary",
        "The council opened a new community garden beside the river on Saturday. Volunteers planted"
            + " forty fruit trees and the first harvest is expected next autumn.");
    content.put("editors_note", "Shared green space is scarce in the old town.");
    content.put("sentiment", "Positive");
    content.put("category", "Environment");
    content.putArray("topics").add("gardens").add("volunteers");
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-fake");
    root.put("object", "chat.completion");
    root.put("created", 1764086400L);
    root.put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content.toString());
    choice.put("finish_reason", "stop");
    root.putObject("usage")
        .put("prompt_tokens", 400)
        .put("completion_tokens", 60)
        .put("total_tokens", 460);
    return root.toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
