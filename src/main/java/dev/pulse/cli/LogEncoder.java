package dev.pulse.cli;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The encoder of Pulse's log lines on stderr (logback.xml). {@code PULSE_LOG_FORMAT=text} (the
 * default) writes the configured pattern; {@code PULSE_LOG_FORMAT=json} writes one JSON object per
 * line for log collectors (Loki, Elasticsearch, journald's JSON readers):
 *
 * <pre>
 * {"time":"2026-11-30T17:02:03.456Z","level":"WARN","logger":"dev.pulse.pipeline.Pipeline",
 *  "thread":"main","message":"...","error":"java.io.IOException: ...\n\tat ..."}
 * </pre>
 *
 * {@code time} is UTC with milliseconds, {@code error} (the stack trace) only when there is one,
 * and the MDC's entries, if any, as further string fields. When a progress line is on the terminal
 * ({@link ProgressLine}), a log line erases it first.
 */
public final class LogEncoder extends PatternLayoutEncoder {

  /** The environment variable that picks the format. */
  public static final String ENV = "PULSE_LOG_FORMAT";

  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] CLEAR = ProgressLine.CLEAR.getBytes(StandardCharsets.US_ASCII);

  private boolean json;

  @Override
  public void start() {
    json = json(System.getenv(ENV));
    super.start();
  }

  /**
   * True for "json"; false for unset, blank or "text"; anything else is said once on stderr
   * (logging is not up yet) and read as text.
   */
  static boolean json(@Nullable String format) {
    if (format == null || format.isBlank()) {
      return false;
    }
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (!f.equals("json") && !f.equals("text")) {
      System.err.println(ENV + " must be text or json, not '" + format + "'; writing text");
    }
    return f.equals("json");
  }

  /** For tests: the format without the environment. */
  void useJson(boolean value) {
    json = value;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] line = json ? jsonLine(event) : super.encode(event);
    if (!ProgressLine.onScreen()) {
      return line;
    }
    byte[] out = new byte[CLEAR.length + line.length];
    System.arraycopy(CLEAR, 0, out, 0, CLEAR.length);
    System.arraycopy(line, 0, out, CLEAR.length, line.length);
    return out;
  }

  /** One event as one line of JSON, newline-terminated. Pure. */
  static byte[] jsonLine(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      g.writeStringField("level", event.getLevel().toString());
      g.writeStringField("logger", event.getLoggerName());
      g.writeStringField("thread", event.getThreadName());
      g.writeStringField("message", event.getFormattedMessage());
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        g.writeStringField("error", ThrowableProxyUtil.asString(error));
      }
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> e : mdc.entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
