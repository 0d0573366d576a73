package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Usage;
import dev.pulse.pipeline.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {

  @TempDir Path dir;

  private final RunReport report =
      new RunReport(
          7,
          "run",
          "llm (m)",
          Map.of("stored", 30, "failed", 2, "queued", 5),
          new Usage(32, 12_000, 2_000, 0.0125),
          Duration.ofMillis(41_250),
          List.of(),
          List.of(),
          null,
          "SIGTERM");

  @Test
  void writesItemsByOutcomeStatusLlmUsageAndDurationAsOpenMetrics() throws Exception {
    Path file = dir.resolve("textfile/pulse.prom");

    MetricsFile.write(file, report);

    String text = Files.readString(file);
    assertThat(text)
        .contains("# TYPE pulse_run_items gauge\n")
        .contains("pulse_run_items{outcome=\"stored\"} 30\n")
        .contains("pulse_run_items{outcome=\"queued\"} 5\n")
        .contains("pulse_run_status{status=\"interrupted\"} 1\n")
        .contains("pulse_run_status{status=\"ok\"} 0\n")
        .contains("pulse_run_llm_calls 32\n")
        .contains("pulse_run_llm_tokens{direction=\"in\"} 12000\n")
        .contains("pulse_run_llm_cost_usd 0.012500\n")
        .contains("pulse_run_duration_seconds 41.250000\n")
        .endsWith("# EOF\n");
    for (String line : text.split("\n")) {
      assertThat(line).matches("# (HELP|TYPE|EOF).*|[a-z_]+(\\{[a-z]+=\"[a-z_-]+\"\\})? -?[0-9.]+");
    }
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }
}
