package dev.pulse.analyze.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat-completions endpoint on a loopback port (port 0) that answers after a
 * fixed latency with a valid analysis, enforces a requests-per-minute limit the way OpenAI does
 * (429 with {@code retry-after} and {@code x-ratelimit-*} headers over a sliding minute), and
 * counts what a throughput test needs: requests, 429s, the most requests in flight at once and the
 * mean in flight while busy. For tests and the throughput benchmark.
 */
public final class FakeOpenAiServer implements AutoCloseable {

  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  static {
    // A real API answers through a server with TCP_NODELAY on (nginx, Envoy, Cloudflare). The
    // JDK's HttpServer writes an answer's headers and body in two writes with Nagle's algorithm on,
    // so without this every answer waits for the client's delayed ACK (about 40 ms on Linux):
    // measured with LlmRoundTripBench, 51 ms a request against 3.9 ms with it. Read once, when the
    // JVM's first HttpServer starts; scripts that use this server also pass it on the command line.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Duration latency;
  private final int requestsPerMinute;
  private final String reply;
  private final int promptTokens;
  private final int completionTokens;

  private final Deque<Long> accepted = new ArrayDeque<>(); // guarded by this
  private final List<Long> arrivals = new ArrayList<>(); // guarded by this
  private int inFlight;
  private int peakInFlight;
  private long requests;
  private long rejected;
  private long lastChange;
  private double inFlightArea;
  private long firstRequest = -1;
  private long lastAnswer;

  /**
   * @param latency how long each answer takes
   * @param requestsPerMinute the account's limit; 0 for none
   * @param category the category every reply names
   */
  public FakeOpenAiServer(Duration latency, int requestsPerMinute, String category) {
    this.latency = latency;
    this.requestsPerMinute = requestsPerMinute;
    this.promptTokens = 2000;
    this.completionTokens = 150;
    this.reply = completion(category);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a loopback port", e);
    }
    server.setExecutor(pool);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /** The base URL to configure: {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public synchronized long requests() {
    return requests;
  }

  /** Requests answered 429. */
  public synchronized long rejected() {
    return rejected;
  }

  public synchronized int peakInFlight() {
    return peakInFlight;
  }

  /** Mean requests in flight from the first request's arrival to the last answer. */
  public synchronized double meanInFlight() {
    long span = lastAnswer - firstRequest;
    return span <= 0 ? 0 : inFlightArea / span;
  }

  /** Forgets what was counted so far (after a warm-up); the rate limit's minute goes on. */
  public synchronized void resetCounts() {
    arrivals.clear();
    requests = 0;
    rejected = 0;
    peakInFlight = inFlight;
    inFlightArea = 0;
    firstRequest = -1;
  }

  /** When each request arrived (System.nanoTime), in order. */
  public synchronized List<Long> arrivals() {
    return List.copyOf(arrivals);
  }

  /** Nanoseconds (System.nanoTime) of the first request's arrival; -1 before any. */
  public synchronized long firstRequestNanos() {
    return firstRequest;
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean left = false;
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      long remaining = admit();
      if (remaining < 0) {
        long retryMs = -remaining;
        exchange.getResponseHeaders().add("retry-after-ms", Long.toString(retryMs));
        exchange
            .getResponseHeaders()
            .add("retry-after", Long.toString(Math.max(1, (retryMs + 999) / 1000)));
        exchange
            .getResponseHeaders()
            .add("x-ratelimit-limit-requests", Integer.toString(requestsPerMinute));
        exchange.getResponseHeaders().add("x-ratelimit-remaining-requests", "0");
        left = leave();
        send(
            exchange,
            429,
            "{\"error\":{\"message\":\"Rate limit reached for requests\","
                + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
        return;
      }
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (requestsPerMinute > 0) {
        exchange
            .getResponseHeaders()
            .add("x-ratelimit-limit-requests", Integer.toString(requestsPerMinute));
        exchange
            .getResponseHeaders()
            .add("x-ratelimit-remaining-requests", Long.toString(remaining));
      }
      left = leave();
      send(exchange, 200, reply);
    } finally {
      if (!left) {
        leave();
      }
    }
  }

  /** Books the request: the requests left this minute, or minus the milliseconds to wait. */
  private synchronized long admit() {
    long now = System.nanoTime();
    requests++;
    arrivals.add(now);
    if (firstRequest < 0) {
      firstRequest = now;
    }
    change(now, +1);
    while (!accepted.isEmpty() && now - accepted.peekFirst() >= MINUTE) {
      accepted.removeFirst();
    }
    if (requestsPerMinute > 0 && accepted.size() >= requestsPerMinute) {
      rejected++;
      return -Math.max(1, (accepted.peekFirst() + MINUTE - now) / 1_000_000);
    }
    accepted.addLast(now);
    return requestsPerMinute > 0 ? requestsPerMinute - accepted.size() : Long.MAX_VALUE;
  }

  /**
   * Ends the request's time in flight. Called before the reply is written: once the client has the
   * reply it may send its next request before this thread gets the CPU again, which would count one
   * request too many in flight on a loaded machine.
   */
  private synchronized boolean leave() {
    long now = System.nanoTime();
    change(now, -1);
    lastAnswer = now;
    return true;
  }

  private void change(long now, int delta) {
    if (inFlight > 0) {
      inFlightArea += (double) inFlight * (now - lastChange);
    }
    lastChange = now;
    inFlight += delta;
    peakInFlight = Math.max(peakInFlight, inFlight);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * A valid reply that names nothing and counts nothing, so the faithfulness check finds no claim
   * the article does not support (and asks for no repair), whatever the article.
   */
  private String completion(String category) {
    ObjectNode content = OpenAiFixtures.JSON.createObjectNode();
    content.put(
        "summary",
        "The story reports what happened and who was involved. It explains what"
            + " comes next and why it matters.");
    content.put("editors_note", "It matters to readers who follow the story.");
    content.put("sentiment", "Neutral");
    content.put("category", category);
    content.putArray("topics").add("news");
    return OpenAiFixtures.completion(content.toString(), promptTokens, completionTokens);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
