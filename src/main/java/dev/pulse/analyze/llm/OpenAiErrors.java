package dev.pulse.analyze.llm;

import com.openai.core.http.Headers;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.pulse.retry.RetryAfter;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Maps what the OpenAI SDK throws to what Pulse does about it. All SDK-to-domain error mapping
 * lives here, in small static functions.
 */
final class OpenAiErrors {

  /** What went wrong, as far as the caller's reaction goes. */
  enum Kind {
    /** 429: wait (Retry-After if given) and retry. */
    RATE_LIMITED(true),
    /** 5xx: retry with backoff. */
    SERVER(true),
    /** No answer in time (client timeout, 408): retry with backoff. */
    TIMEOUT(true),
    /** Connection refused, reset, DNS: retry with backoff. */
    NETWORK(true),
    /** 401/403: no request can succeed; stop the run. */
    AUTH(false),
    /** 404: wrong base URL or model name; no request can succeed. */
    NOT_FOUND(false),
    /** 400 about response_format: the server cannot do this structured-output mode. */
    FORMAT_UNSUPPORTED(false),
    /** Any other 4xx, or a reply the SDK could not read: this item fails. */
    OTHER(false);

    final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }
  }

  /**
   * One classified failure.
   *
   * @param kind what to do about it
   * @param status HTTP status, or 0 when there was no response
   * @param retryAfter the server's requested wait, or null
   * @param detail the SDK's message, unredacted; pass through {@link LlmRedactor} before showing
   */
  record Failure(Kind kind, int status, @Nullable Duration retryAfter, String detail) {}

  private OpenAiErrors() {}

  static Failure classify(Throwable error, Instant now) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof OpenAIServiceException e) {
        return fromStatus(e.statusCode(), retryAfter(e.headers(), now), message(e));
      }
      if (t instanceof OpenAIIoException e) {
        Kind kind = hasCause(e, InterruptedIOException.class) ? Kind.TIMEOUT : Kind.NETWORK;
        return new Failure(kind, 0, null, describe(e));
      }
      if (t instanceof InterruptedIOException) {
        return new Failure(Kind.TIMEOUT, 0, null, describe(t));
      }
      if (t instanceof IndexOutOfBoundsException) {
        // what the SDK mapping throws for a reply with an empty "choices" array
        return new Failure(
            Kind.OTHER,
            0,
            null,
            "the reply held no answer (an empty 'choices' array): the server returned no"
                + " completion; check llm.model and the server's logs");
      }
    }
    return new Failure(Kind.OTHER, 0, null, describe(error));
  }

  static Failure fromStatus(int status, Duration retryAfter, String detail) {
    Kind kind;
    if (status == 429) {
      kind = Kind.RATE_LIMITED;
    } else if (status >= 500) {
      kind = Kind.SERVER;
    } else if (status == 408) {
      kind = Kind.TIMEOUT;
    } else if (status == 401 || status == 403) {
      kind = Kind.AUTH;
    } else if (status == 404) {
      kind = Kind.NOT_FOUND;
    } else if ((status == 400 || status == 422) && aboutResponseFormat(detail)) {
      kind = Kind.FORMAT_UNSUPPORTED;
    } else {
      kind = Kind.OTHER;
    }
    return new Failure(kind, status, retryAfter, detail);
  }

  static boolean aboutResponseFormat(@Nullable String detail) {
    String d = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
    return d.contains("response_format")
        || d.contains("json_schema")
        || d.contains("json_object")
        || d.contains("response format")
        || d.contains("structured output");
  }

  /**
   * The wait a server asked for: OpenAI's {@code retry-after-ms}, else {@code Retry-After} in
   * seconds or as an HTTP date; null when absent or unreadable.
   */
  static @Nullable Duration retryAfter(@Nullable Headers headers, Instant now) {
    Double ms = number(first(headers, "retry-after-ms"));
    if (ms != null && ms >= 0) {
      return Duration.ofMillis(Math.round(ms));
    }
    return RetryAfter.parse(first(headers, "retry-after"), now);
  }

  private static @Nullable String first(@Nullable Headers headers, String name) {
    if (headers == null) {
      return null;
    }
    List<String> values = headers.values(name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static @Nullable Double number(@Nullable String s) {
    if (s == null) {
      return null;
    }
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String message(OpenAIServiceException e) {
    return e.getMessage() == null ? "HTTP " + e.statusCode() : e.getMessage();
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String own = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return root == t
        ? own
        : own + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
