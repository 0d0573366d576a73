package dev.pulse.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Serves a folder (the demo site, {@code data/demo/}) over HTTP on 127.0.0.1 at a free port, so the
 * demo runs the real pipeline over real HTTP without any network. Feeds may use the placeholder
 * {@code {{BASE_URL}}}, replaced with this server's base URL when served. Paths outside the folder
 * are refused.
 */
public final class DemoServer implements AutoCloseable {

  /** The placeholder in feed files that stands for the server's base URL. */
  public static final String BASE_URL_PLACEHOLDER = "{{BASE_URL}}";

  private final HttpServer server;
  private final Path root;

  private DemoServer(HttpServer server, Path root) {
    this.server = server;
    this.root = root;
  }

  /**
   * The port tried first. Entry ids derive from URLs, which include the port: a stable port lets a
   * second demo run update the same entries; when it is taken, any free port serves (the entries of
   * the new run are then linked to the earlier ones as same-content alternates).
   */
  public static final int PREFERRED_PORT = 47913;

  /** Starts serving {@code root} on 127.0.0.1, at {@link #PREFERRED_PORT} or else a free port. */
  public static DemoServer start(Path root) throws IOException {
    return start(root, PREFERRED_PORT);
  }

  /**
   * Starts serving {@code root} on 127.0.0.1 at {@code port}, or a free port if it is taken or 0.
   */
  public static DemoServer start(Path root, int port) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IOException("demo folder not found: " + dir);
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (java.net.BindException e) {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }
    DemoServer demo = new DemoServer(server, dir);
    server.createContext("/", demo::handle);
    server.start();
    return demo;
  }

  /** e.g. {@code http://127.0.0.1:43817} (no trailing slash). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body = Files.readAllBytes(file);
      String type = contentType(file);
      if (type.contains("xml") || type.contains("json")) {
        body =
            new String(body, StandardCharsets.UTF_8)
                .replace(BASE_URL_PLACEHOLDER, baseUrl())
                .getBytes(StandardCharsets.UTF_8);
      }
      String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
      ex.getResponseHeaders().set("ETag", etag);
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      send(ex, 200, type, body);
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "text/html; charset=utf-8";
    } else if (name.endsWith(".rss") || name.equals("feed.xml")) {
      return "application/rss+xml; charset=utf-8";
    } else if (name.equals("atom.xml")) {
      return "application/atom+xml; charset=utf-8";
    } else if (name.endsWith(".xml")) {
      return "application/xml; charset=utf-8";
    } else if (name.endsWith(".json")) {
      return "application/feed+json; charset=utf-8";
    } else if (name.endsWith(".svg")) {
      return "image/svg+xml";
    } else if (name.endsWith(".png")) {
      return "image/png";
    } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    } else if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "application/octet-stream";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
