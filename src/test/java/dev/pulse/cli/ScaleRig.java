package dev.pulse.cli;

import dev.pulse.store.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster on one machine for the scale-out test and benchmark: a real PostgreSQL database (the
 * test server), news hosts on 127.0.0.2 upwards, a fake OpenAI-compatible server with a latency and
 * a requests-per-minute limit, and {@code pulse worker} processes against them.
 */
final class ScaleRig implements AutoCloseable {

  final Path dir;
  final LoopbackHosts hosts;
  final FakeOpenAi llm;
  final String store;
  final Path config;
  final List<PulseProcess> workers = new ArrayList<>();
  private int started;

  /**
   * @param hostDelay each host's delay (fetch.min_host_delay)
   * @param rpm the fake LLM's limit, also Pulse's llm.requests_per_minute
   * @param threads worker.threads (and llm.max_concurrent) per worker
   */
  ScaleRig(
      Path dir,
      int hostCount,
      int perHost,
      Duration hostDelay,
      long llmLatencyMillis,
      int rpm,
      int threads,
      Duration heartbeatTimeout)
      throws IOException {
    this.dir = dir;
    this.hosts = new LoopbackHosts(hostCount, perHost);
    this.llm = new FakeOpenAi().pace(llmLatencyMillis, rpm);
    this.store = TestStores.newPostgresDatabase();
    String taxonomy = Path.of("data/categories.yml").toAbsolutePath().toString();
    String yaml =
        """
        user_agent: "PulseScaleTest/1 (+https://pulse.example/contact)"
        taxonomy: %s
        store: %s
        out: %s
        fetch:
          allow: ["127.0.0.0/8"]
          min_host_delay: %dms
          max_concurrency: %d
          obey_robots: false
          deadline: 10s                # a killed worker's host turns are free 20 s later
        llm:
          requests_per_minute: %d
          tokens_per_minute: 0         # the fake server limits requests only
          max_concurrent: %d
        worker:
          threads: %d
          heartbeat_timeout: %ds
          poll_interval: 500ms
          grace: 5s
          schedule: "0 0 1 1 *"
        %s
        """
            .formatted(
                taxonomy,
                store,
                dir.resolve("out"),
                hostDelay.toMillis(),
                Math.max(threads, 4),
                rpm,
                threads,
                threads,
                heartbeatTimeout.toSeconds(),
                hosts.sourcesYaml());
    this.config = Files.writeString(dir.resolve("sources.yml"), yaml);
  }

  /** Starts one more {@code pulse worker} process; the first one discovers every source now. */
  PulseProcess startWorker() throws IOException {
    int n = started++;
    List<String> args = new ArrayList<>(List.of("worker", "--config", config.toString()));
    if (n == 0) {
      args.add("--discover-now");
    }
    PulseProcess p =
        PulseProcess.start(dir, "worker-" + n, null, env(), Map.of(), args.toArray(String[]::new));
    workers.add(p);
    return p;
  }

  /** The workers' environment; {@code -Dscale.worker.jvm=-Xmx256m} gives them JVM options. */
  private Map<String, String> env() {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("OPENAI_BASE_URL", llm.baseUrl());
    env.put("OPENAI_API_KEY", "sk-scale-test");
    String jvm = System.getProperty("scale.worker.jvm");
    if (jvm != null && !jvm.isBlank()) {
      env.put("JAVA_TOOL_OPTIONS", jvm);
    }
    return env;
  }

  /** `pulse status` against the rig's store. */
  PulseProcess status(String name) throws IOException {
    return PulseProcess.start(
        dir, name, null, Map.of(), Map.of(), "status", "--config", config.toString());
  }

  /** A query's single number, on the rig's database. */
  long count(String sql) {
    String url = "jdbc:" + store;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  long entries() {
    return count("SELECT COUNT(*) FROM entries");
  }

  @Override
  public void close() {
    for (PulseProcess p : workers) {
      p.process.destroyForcibly();
    }
    hosts.close();
    llm.close();
  }
}
