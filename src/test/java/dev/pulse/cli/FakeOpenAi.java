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

  /** How long an answer takes. */
  private volatile long latencyMillis;

  /** Requests allowed in any 60 s; more are answered 429. 0: no limit. */
  private volatile int requestsPerMinute;

  /** When each request arrived (System.nanoTime()), refused ones included. */
  final java.util.List<Long> arrivals =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  final AtomicInteger refused = new AtomicInteger();

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

  /** Answers take this long; more than {@code rpm} requests in any 60 s get 429 (0: no limit). */
  FakeOpenAi pace(long latencyMillis, int rpm) {
    this.latencyMillis = latencyMillis;
    this.requestsPerMinute = rpm;
    return this;
  }

  /** The most requests that arrived within any 60 s, refused ones included. */
  int busiestMinute() {
    java.util.List<Long> sorted;
    synchronized (arrivals) {
      sorted = new java.util.ArrayList<>(arrivals);
    }
    java.util.Collections.sort(sorted);
    int most = 0;
    int from = 0;
    for (int to = 0; to < sorted.size(); to++) {
      while (sorted.get(to) - sorted.get(from) >= 60_000_000_000L) {
        from++;
      }
      most = Math.max(most, to - from + 1);
    }
    return most;
  }

  /** True when this request would make more than the limit within the last 60 s. */
  private boolean overLimit(long now) {
    int rpm = requestsPerMinute;
    if (rpm <= 0) {
      return false;
    }
    synchronized (arrivals) {
      int inWindow = 0;
      for (int i = arrivals.size() - 1; i >= 0; i--) {
        if (now - arrivals.get(i) >= 60_000_000_000L) {
          break;
        }
        inWindow++;
      }
      arrivals.add(now);
      return inWindow >= rpm;
    }
  }

  /** The base URL to give Pulse as OPENAI_BASE_URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void handle(HttpExchange ex) throws IOException {
    calls.incrementAndGet();
    ex.getRequestBody().readAllBytes();
    long now = System.nanoTime();
    if (requestsPerMinute > 0) {
      if (overLimit(now)) {
        refused.incrementAndGet();
        ex.getResponseHeaders().set("Retry-After", "1");
        send(ex, 429, "{\"error\":{\"message\":\"rate limited\",\"type\":\"requests\"}}");
        return;
      }
    } else {
      arrivals.add(now);
    }
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
      case ANSWER -> send(ex, 200, completion(requestsPerMinute > 0 || latencyMillis > 0));
    }
  }

  /**
   * @param plain a summary that states no figure, date, quotation or name, so the faithfulness
   *     check asks for no repair: one request per article, as the scale tests' bounds assume
   */
  private static String completion(boolean plain) {
    ObjectNode content = JSON.createObjectNode();
    if (plain) {
      content.put(
          "summary",
          "A short report on local matters, told in plain words. It describes what happened and"
              + " what comes next.");
      content.put("editors_note", "Worth a look for readers who follow local news.");
    } else {
      content.put(
          "summary",
          "The council opened a new community garden beside the river on Saturday. Volunteers"
              + " planted forty fruit trees and the first harvest is expected next autumn.");
      content.put("editors_note", "Shared green space is scarce in the old town.");
    }
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
