package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.store.ItemFailure;
import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that trickles bytes (headers at once, then a byte every 100 ms) used to hold a run for
 * hours. With real {@code pulse} processes against a loopback site: the run ends within its budget,
 * or gives the host up, and records why; every item ends in one outcome.
 */
class TricklingHostIT {

  private static final int ARTICLES = 12;
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private LoopbackNewsSite site;
  private Path db;

  @BeforeEach
  void start() throws IOException {
    site = new LoopbackNewsSite(ARTICLES, 0);
    site.trickle(true);
    db = dir.resolve("pulse.db");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private PulseProcess pulse(String fetch, String run, Map<String, String> env) throws IOException {
    String taxonomy = Path.of("data/categories.yml").toAbsolutePath().toString();
    Path config =
        Files.writeString(
            dir.resolve("sources.yml"),
            """
            taxonomy: %s
            fetch:
              allow: ["127.0.0.1"]
              min_host_delay: 0s
            %s
            run:
              grace: 1s
            %s
            sources:
              - name: Trickling Times
                url: %s/feed.xml
                max_items: %d
            """
                .formatted(taxonomy, fetch, run, site.base(), ARTICLES));
    // the main logback.xml (the test class path has logback-test.xml first): PULSE_LOG_FORMAT
    String logback = Path.of("target/classes/logback.xml").toAbsolutePath().toString();
    return PulseProcess.start(
        dir,
        "run",
        null,
        env,
        Map.of("logback.configurationFile", logback),
        "run",
        "--config",
        config.toString(),
        "--db",
        db.toString(),
        "--analyzer",
        "embedded",
        "--no-site");
  }

  private RunRecord lastRun() {
    try (Store store = Stores.sqlite(db)) {
      return store.runLog().runs().get(0);
    }
  }

  private List<ItemFailure> failures(long run) {
    try (Store store = Stores.sqlite(db)) {
      return store.runLog().failures(run);
    }
  }

  @Test
  void theRunEndsWithinItsTimeBudgetAndSaysSo() throws Exception {
    long started = System.nanoTime();
    // the default fetch deadline (60 s) would let one page trickle on past the budget
    PulseProcess run = pulse("", "  max_duration: 3s", Map.of());

    assertThat(run.exitCode(LIMIT)).as(run.output()).isEqualTo(ExitCodes.INTERRUPTED);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).as("budget 3 s + grace 1 s + JVM start").isLessThan(Duration.ofSeconds(20));
    RunRecord r = lastRun();
    assertThat(r.status()).isEqualTo("interrupted");
    assertThat(r.stopReason()).contains("run.max_duration");
    assertThat(r.counts().get("queued") + r.counts().get("failed"))
        .as("every item has one outcome")
        .isEqualTo(ARTICLES);
    try (Store store = Stores.sqlite(db)) {
      assertThat(store.workQueue().retries(100)).as(run.output()).hasSize(ARTICLES);
    }
  }

  @Test
  void aHostThatKeepsTimingOutIsGivenUpAndItsItemsQueuedWithTheReason() throws Exception {
    long started = System.nanoTime();
    PulseProcess run =
        pulse(
            "  deadline: 1s\n  retries: 0\n  breaker_failures: 2",
            "",
            Map.of("PULSE_LOG_FORMAT", "json"));

    assertThat(run.exitCode(LIMIT)).as(run.output()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    RunRecord r = lastRun();
    assertThat(r.status()).isEqualTo("partial");
    assertThat(r.counts().get("failed")).isEqualTo(2); // fetch.breaker_failures
    assertThat(r.counts().get("queued")).isEqualTo(ARTICLES - 2);
    assertThat(failures(r.id())).extracting(ItemFailure::reason).containsOnly("timeout");
    List<String> logLines =
        Files.readAllLines(run.stderr).stream().filter(l -> !l.isBlank()).toList();
    assertThat(logLines).as("PULSE_LOG_FORMAT=json: one JSON object per line").isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    for (String line : logLines) {
      JsonNode event = json.readTree(line);
      assertThat(event.has("time") && event.has("level") && event.has("message")).as(line).isTrue();
    }
    assertThat(logLines)
        .anySatisfy(
            l -> {
              JsonNode event = json.readTree(l);
              assertThat(event.get("level").asText()).isEqualTo("WARN");
              assertThat(event.get("message").asText()).contains("keeps failing");
            });
  }
}
