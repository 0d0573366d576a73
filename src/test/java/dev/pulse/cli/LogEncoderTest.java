package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogEncoderTest {

  private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();

  private LoggingEvent event(String message, Throwable error, Object... args) {
    LoggingEvent e =
        new LoggingEvent(
            LogEncoderTest.class.getName(),
            context.getLogger("dev.pulse.pipeline.Pipeline"),
            Level.WARN,
            message,
            error,
            args);
    e.setTimeStamp(1_764_522_123_456L);
    return e;
  }

  private LogEncoder encoder(boolean json) {
    LogEncoder encoder = new LogEncoder();
    encoder.setContext(context);
    encoder.setPattern("%-5level %logger{0} - %msg%n");
    encoder.start();
    encoder.useJson(json);
    return encoder;
  }

  @Test
  void writesOneJsonObjectPerLineWithTimeLevelLoggerThreadMessageAndError() throws Exception {
    String line =
        new String(
            encoder(true)
                .encode(
                    event(
                        "{} keeps failing: \"timeout\"\nsecond line",
                        new java.io.IOException("boom"),
                        "a.example")),
            StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("time").asText()).isEqualTo("2025-11-30T17:02:03.456Z");
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("logger").asText()).isEqualTo("dev.pulse.pipeline.Pipeline");
    assertThat(json.get("thread").asText()).isNotBlank();
    assertThat(json.get("message").asText())
        .isEqualTo("a.example keeps failing: \"timeout\"\nsecond line");
    assertThat(json.get("error").asText()).startsWith("java.io.IOException: boom");
  }

  @Test
  void leavesOutTheErrorFieldWhenThereIsNone() throws Exception {
    JsonNode json =
        new ObjectMapper().readTree(encoder(true).encode(event("queued {} items", null, 3)));

    assertThat(json.has("error")).isFalse();
    assertThat(json.get("message").asText()).isEqualTo("queued 3 items");
  }

  @Test
  void writesThePatternByDefault() {
    String line =
        new String(
            encoder(false).encode(event("queued {} items", null, 3)), StandardCharsets.UTF_8);

    assertThat(line).isEqualTo("WARN  Pipeline - queued 3 items" + System.lineSeparator());
  }

  @Test
  void readsTheFormatFromTheEnvironmentValue() {
    assertThat(LogEncoder.json("json")).isTrue();
    assertThat(LogEncoder.json(" JSON ")).isTrue();
    assertThat(LogEncoder.json(null)).isFalse();
    assertThat(LogEncoder.json("text")).isFalse();
    assertThat(LogEncoder.json("yaml")).isFalse();
  }
}
