package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pulse run} at a terminal (a pseudo-terminal from util-linux {@code script}) redraws one
 * progress line in place; from cron or a pipe it writes no terminal control characters at all.
 */
class TerminalProgressIT {

  private static final int ARTICLES = 8;
  private static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private LoopbackNewsSite site;
  private Path config;

  @BeforeEach
  void start() throws IOException {
    site = new LoopbackNewsSite(ARTICLES, 300); // slow enough for a few redraws
    String taxonomy = Path.of("data/categories.yml").toAbsolutePath().toString();
    config = Files.writeString(dir.resolve("sources.yml"), site.config(taxonomy, ""));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private String[] args(String db) {
    return new String[] {
      "run",
      "--config",
      config.toString(),
      "--db",
      dir.resolve(db).toString(),
      "--analyzer",
      "embedded",
      "--no-site"
    };
  }

  @Test
  void atATerminalOneLineSaysItemsDoneOfTotalAndIsErasedAtTheEnd() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is installed");
    PulseProcess run = PulseProcess.startOnTerminal(dir, "tty", Map.of(), Map.of(), args("tty.db"));

    assertThat(run.exitCode(LIMIT)).as(run.output()).isEqualTo(ExitCodes.OK);
    String screen = Files.readString(run.stdout);
    assertThat(screen).as(screen).containsPattern("\r\033\\[K\\d+/" + ARTICLES + " items");
    assertThat(screen).contains("stored=" + ARTICLES);
  }

  @Test
  void withoutATerminalNoControlCharactersAreWritten() throws Exception {
    PulseProcess run = PulseProcess.start(dir, "pipe", null, Map.of(), Map.of(), args("pipe.db"));

    assertThat(run.exitCode(LIMIT)).as(run.output()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(run.stderr) + Files.readString(run.stdout))
        .doesNotContain("\r")
        .doesNotContain("\033");
  }
}
