package dev.pulse.fetch;

import dev.pulse.fetch.FetchRequest.Kind;
import dev.pulse.retry.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one URL over HTTP with {@link java.net.http.HttpClient}: the safety guard on every hop,
 * manual redirects with a limit and loop detection, conditional GET, a body limit enforced while
 * reading, an overall deadline, a content-type allowlist per {@link Kind}, gzip/deflate decoding
 * and charset detection. One attempt, no politeness: wrap it in {@link PoliteFetcher} for
 * robots.txt, pacing and retries.
 *
 * <p>Failure reasons ({@link FetchException#reason()}): {@code invalid-url}, {@code unknown-host},
 * {@code ssrf}, {@code connect}, {@code timeout}, {@code io}, {@code http-<status>}, {@code
 * redirect-loop}, {@code too-many-redirects}, {@code content-type}, {@code content-encoding},
 * {@code too-large}, {@code interrupted}.
 */
public final class HttpFetcher implements Fetcher {

  private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

  /** Bodies of redirects and error responses are not used; reading stops at once. */
  private static final long ERROR_BODY_BYTES = 0;

  private final FetchSettings settings;
  private final AddressGuard guard;
  private final Clock clock;
  private final HttpClient client;

  public HttpFetcher(FetchSettings settings) {
    this(settings, new AddressGuard(settings.allow()), Clock.systemUTC());
  }

  HttpFetcher(FetchSettings settings, AddressGuard guard, Clock clock) {
    this.settings = settings;
    this.guard = guard;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Told of each redirect hop before it is requested (the polite fetcher paces them). */
  interface Hops {
    Hops NONE = (from, to) -> {};

    void before(URI from, URI to) throws InterruptedException;
  }

  @Override
  public FetchResult fetch(FetchRequest request) {
    return fetch(request, Hops.NONE);
  }

  /** As {@link #fetch(FetchRequest)}, telling {@code hops} of each redirect before following it. */
  FetchResult fetch(FetchRequest request, Hops hops) {
    URI uri = toUri(request.url());
    long deadline = System.nanoTime() + settings.deadline().toNanos();
    Set<String> seen = new HashSet<>();
    seen.add(uri.normalize().toString());
    URI from = null;
    for (int hop = 0; ; hop++) {
      if (from == null) {
        guard.check(uri);
      } else {
        guard.checkRedirect(request.url(), from, uri);
        beforeHop(hops, from, uri);
      }
      HttpResponse<byte[]> response = exchange(request, uri, deadline);
      int status = response.statusCode();
      if (isRedirect(status)) {
        from = uri;
        uri = nextHop(request.url(), uri, response, hop, seen);
        continue;
      }
      String etag = response.headers().firstValue("ETag").orElse(null);
      String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
      if (status == 304) {
        return new FetchResult(
            request.url(),
            uri.toString(),
            304,
            null,
            null,
            new byte[0],
            etag != null ? etag : request.etag(),
            lastModified != null ? lastModified : request.lastModified(),
            clock.instant());
      }
      if (status < 200 || status > 299) {
        throw new HttpStatusException(
            uri.toString(),
            status,
            RetryAfter.parse(
                response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
      }
      return result(request, uri, response, etag, lastModified);
    }
  }

  private static void beforeHop(Hops hops, URI from, URI to) {
    try {
      hops.before(from, to);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(
          to.toString(), FetchException.Kind.INTERRUPTED, "interrupted", "interrupted", e);
    }
  }

  private FetchResult result(
      FetchRequest request,
      URI uri,
      HttpResponse<byte[]> response,
      @Nullable String etag,
      @Nullable String lastModified) {
    MediaType type = MediaType.parse(response.headers().firstValue("Content-Type").orElse(null));
    byte[] body;
    try {
      body =
          Decoding.decode(
              response.body(),
              response.headers().firstValue("Content-Encoding").orElse(null),
              settings.maxBodyBytes());
    } catch (BodyLimit.TooLarge e) {
      throw new FetchException(uri.toString(), "too-large", "decoded " + e.getMessage());
    } catch (BodyLimit.Refused e) {
      throw new FetchException(uri.toString(), e.reason, e.getMessage());
    } catch (IOException e) {
      throw new FetchException(
          uri.toString(), "content-encoding", "body does not decode: " + e.getMessage(), e);
    }
    String mediaType = type.type() != null ? type.type() : sniffType(uri, body, request.kind());
    Charset charset = CharsetSniffer.detect(body, type.charset());
    log.debug("fetched {} ({} bytes, {}, {})", uri, body.length, mediaType, charset);
    return new FetchResult(
        request.url(),
        uri.toString(),
        response.statusCode(),
        mediaType,
        charset,
        body,
        etag,
        lastModified,
        clock.instant());
  }

  private HttpResponse<byte[]> exchange(FetchRequest request, URI uri, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new FetchException(
          uri.toString(),
          FetchException.Kind.HOST_DOWN,
          "timeout",
          "no time left of the " + settings.deadline() + " deadline");
    }
    HttpRequest httpRequest;
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(uri)
              .GET()
              .timeout(settings.readTimeout())
              .header("User-Agent", settings.userAgent())
              .header("Accept", accept(request.kind()))
              .header("Accept-Encoding", "gzip, deflate");
      if (request.etag() != null && !request.etag().isBlank()) {
        builder.header("If-None-Match", request.etag().strip());
      }
      if (request.lastModified() != null && !request.lastModified().isBlank()) {
        builder.header("If-Modified-Since", request.lastModified().strip());
      }
      httpRequest = builder.build();
    } catch (IllegalArgumentException e) {
      // A URI the client cannot send, or a stored validator with characters a header cannot hold.
      throw new FetchException(
          uri.toString(), "invalid-url", "cannot make a request: " + e.getMessage(), e);
    }
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(httpRequest, bodyHandler(request.kind()));
    try {
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FetchException(
          uri.toString(),
          FetchException.Kind.HOST_DOWN,
          "timeout",
          "not complete within the " + settings.deadline() + " deadline",
          e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(
          uri.toString(), FetchException.Kind.INTERRUPTED, "interrupted", "interrupted", e);
    } catch (ExecutionException e) {
      throw failure(uri, e.getCause());
    }
  }

  private BodyHandler<byte[]> bodyHandler(Kind kind) {
    long limit = settings.maxBodyBytes();
    Set<String> accepted = settings.acceptedTypes().get(kind);
    return info -> {
      int status = info.statusCode();
      if (status < 200 || status > 299) {
        return BodyLimit.truncatingAt(ERROR_BODY_BYTES);
      }
      long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (length > limit) {
        return BodyLimit.refusing(new BodyLimit.TooLarge(limit, length));
      }
      String type = MediaType.parse(info.headers().firstValue("Content-Type").orElse(null)).type();
      if (type != null && !accepted.isEmpty() && !accepted.contains(type)) {
        return BodyLimit.refusing(
            new BodyLimit.Refused(
                "content-type",
                "content type "
                    + type
                    + " is not accepted for a "
                    + kind.name().toLowerCase(Locale.ROOT)));
      }
      return BodyLimit.failingAbove(limit);
    };
  }

  private static FetchException failure(URI uri, Throwable cause) {
    String url = uri.toString();
    if (cause instanceof BodyLimit.TooLarge) {
      return new FetchException(url, "too-large", cause.getMessage());
    }
    if (cause instanceof BodyLimit.Refused refused) {
      return new FetchException(url, refused.reason, refused.getMessage());
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new FetchException(
          url, FetchException.Kind.HOST_DOWN, "timeout", "connect timed out", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new FetchException(
          url, FetchException.Kind.HOST_DOWN, "timeout", "no response headers in time", cause);
    }
    if (cause instanceof ConnectException) {
      return new FetchException(
          url,
          FetchException.Kind.HOST_DOWN,
          "connect",
          "connection failed: " + cause.getMessage(),
          cause);
    }
    if (cause instanceof IOException) {
      return new FetchException(
          url, FetchException.Kind.HOST_DOWN, "io", "I/O error: " + cause, cause);
    }
    return new FetchException(
        url, FetchException.Kind.HOST_DOWN, "io", "unexpected failure: " + cause, cause);
  }

  private URI nextHop(
      String requested, URI current, HttpResponse<byte[]> response, int hop, Set<String> seen) {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new FetchException(
                        current.toString(),
                        "http-" + response.statusCode(),
                        "redirect without a Location header"));
    URI next;
    try {
      next = current.resolve(new URI(location.strip().replace(" ", "%20")));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(
          current.toString(), "invalid-url", "redirect to an invalid URL: " + location, e);
    }
    if (!seen.add(next.normalize().toString())) {
      throw new FetchException(requested, "redirect-loop", "redirect loop back to " + next);
    }
    if (hop + 1 > settings.maxRedirects()) {
      throw new FetchException(
          requested, "too-many-redirects", "more than " + settings.maxRedirects() + " redirects");
    }
    log.debug("{} redirects ({}) to {}", current, response.statusCode(), next);
    return next;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static URI toUri(String url) {
    try {
      URI uri = new URI(url.strip());
      if (uri.isAbsolute() && uri.getHost() == null && uri.getRawAuthority() != null) {
        uri = asciiHost(uri);
      }
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new FetchException(url, "invalid-url", "not an absolute URL with a host");
      }
      return uri;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(url, "invalid-url", "not a valid URL: " + e.getMessage(), e);
    }
  }

  /** java.net.URI leaves an internationalised host unparsed; rewrite it as punycode. */
  private static URI asciiHost(URI uri) throws URISyntaxException {
    String authority = uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String hostPort = authority.substring(at + 1);
    int colon = hostPort.lastIndexOf(':');
    String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
    String port = colon > 0 ? hostPort.substring(colon) : "";
    String ascii = java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED);
    String rebuilt =
        uri.getScheme()
            + "://"
            + (at >= 0 ? authority.substring(0, at + 1) : "")
            + ascii
            + port
            + (uri.getRawPath() == null ? "" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
            + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    return new URI(rebuilt);
  }

  private static String accept(Kind kind) {
    return switch (kind) {
      case PAGE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
      case FEED ->
          "application/rss+xml,application/atom+xml,application/feed+json,"
              + "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";
      case ROBOTS -> "text/plain,*/*;q=0.1";
    };
  }

  /**
   * A server that sends no Content-Type: accept a page only if it looks like HTML, a feed if
   * XML/JSON.
   */
  private @Nullable String sniffType(URI uri, byte[] body, Kind kind) {
    String head =
        new String(
                body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
            .stripLeading()
            .replace("\uFEFF", "")
            .replace("ï»¿", "")
            .toLowerCase(Locale.ROOT);
    String sniffed;
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
      sniffed = "text/html";
    } else if (head.startsWith("<?xml") || head.startsWith("<rss") || head.startsWith("<feed")) {
      sniffed = "application/xml";
    } else if (head.startsWith("{")) {
      sniffed = "application/json";
    } else {
      sniffed = null;
    }
    Set<String> accepted = settings.acceptedTypes().get(kind);
    if (!accepted.isEmpty() && (sniffed == null || !accepted.contains(sniffed))) {
      throw new FetchException(
          uri.toString(),
          "content-type",
          "no Content-Type and the body does not look like a "
              + kind.name().toLowerCase(Locale.ROOT));
    }
    return sniffed;
  }
}
