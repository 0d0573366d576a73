package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.pipeline.RunProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void saysItemsDoneOfTotalTheRateAndTheTimeLeft() {
    assertThat(ProgressLine.describe(new RunProgress.Snapshot(40, 100, Duration.ofSeconds(20))))
        .isEqualTo("40/100 items, 2.0/s, about 30 s left");
  }

  @Test
  void saysNoRateOrTimeLeftBeforeTheFirstItemIsDone() {
    assertThat(ProgressLine.describe(new RunProgress.Snapshot(0, 12, Duration.ofSeconds(3))))
        .isEqualTo("0/12 items");
  }

  @Test
  void writesSpansAPersonReadsAtAGlance() {
    assertThat(ProgressLine.span(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(ProgressLine.span(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
    assertThat(ProgressLine.span(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
  }

  @Test
  void redrawsOneLineInPlaceOnATerminalAndErasesItAtTheEnd() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(screen, true, StandardCharsets.UTF_8);
    RunProgress.Snapshot reading = new RunProgress.Snapshot(3, 10, Duration.ofSeconds(1));

    try (ProgressLine line = ProgressLine.start(() -> reading, terminal, Duration.ofMillis(10))) {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!screen.toString(StandardCharsets.UTF_8).contains("3/10 items")
          && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(ProgressLine.onScreen()).isTrue();
    }

    String written = screen.toString(StandardCharsets.UTF_8);
    assertThat(written).startsWith(ProgressLine.CLEAR + "3/10 items, 3.0/s").doesNotContain("\n");
    assertThat(written).endsWith(ProgressLine.CLEAR);
    assertThat(ProgressLine.onScreen()).isFalse();
  }

  @Test
  void isNoTerminalUnderTheTestRunner() {
    // surefire's forked JVM has no console: a run there (like one from cron) draws no line
    assertThat(ProgressLine.interactive()).isFalse();
  }
}
