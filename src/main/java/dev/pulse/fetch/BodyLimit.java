package dev.pulse.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and stops reading (cancels the exchange) as soon as the
 * limit is passed: either failing with {@link TooLarge} or, when truncating, completing with what
 * it has.
 */
final class BodyLimit implements BodySubscriber<byte[]> {

  /** The body was larger than allowed. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("body larger than " + size(limit) + " (fetch.max_body)");
    }

    /** The server announced the body's length: refused before reading. */
    TooLarge(long limit, long declared) {
      super(
          "body of "
              + size(declared)
              + " (Content-Length) larger than "
              + size(limit)
              + " (fetch.max_body)");
    }
  }

  /**
   * A size for people, in the units the config file takes: "512 bytes", "48 KB", "5 MB", "1.5 GB".
   */
  static String size(long bytes) {
    String[] units = {"KB", "MB", "GB", "TB"};
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    String number =
        value >= 100 || value == Math.rint(value)
            ? String.valueOf(Math.round(value))
            : String.format(java.util.Locale.ROOT, "%.1f", value);
    return number + " " + units[unit];
  }

  /** The body was refused before reading (e.g. wrong content type). */
  static final class Refused extends IOException {
    final String reason;

    Refused(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  private final long limit;
  private final boolean truncate;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private BodyLimit(long limit, boolean truncate) {
    this.limit = limit;
    this.truncate = truncate;
  }

  /** Reads at most {@code limit} bytes, failing with {@link TooLarge} beyond. */
  static BodySubscriber<byte[]> failingAbove(long limit) {
    return new BodyLimit(limit, false);
  }

  /** Reads at most {@code limit} bytes and ignores the rest (for error pages we do not use). */
  static BodySubscriber<byte[]> truncatingAt(long limit) {
    return new BodyLimit(limit, true);
  }

  /** Reads nothing and fails at once with the given exception. */
  static BodySubscriber<byte[]> refusing(IOException why) {
    BodyLimit subscriber = new BodyLimit(0, false);
    subscriber.result.completeExceptionally(why);
    return subscriber;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      int n = buffer.remaining();
      if (out.size() + (long) n > limit) {
        if (truncate) {
          byte[] part = new byte[(int) (limit - out.size())];
          buffer.get(part);
          out.write(part, 0, part.length);
          result.complete(out.toByteArray());
        } else {
          result.completeExceptionally(new TooLarge(limit));
        }
        subscription.cancel();
        return;
      }
      byte[] chunk = new byte[n];
      buffer.get(chunk);
      out.write(chunk, 0, n);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }
}
