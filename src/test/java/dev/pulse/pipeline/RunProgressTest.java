package dev.pulse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunProgressTest {

  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final RunProgress progress = new RunProgress(now::get);

  @Test
  void countsItemsTakenOnAndDoneWithTheRateAndTimeLeft() {
    for (int i = 0; i < 10; i++) {
      progress.admitted();
    }
    for (int i = 0; i < 4; i++) {
      progress.ended();
    }
    now.addAndGet(Duration.ofSeconds(2).toNanos());

    RunProgress.Snapshot s = progress.snapshot();

    assertThat(s.done()).isEqualTo(4);
    assertThat(s.total()).isEqualTo(10);
    assertThat(s.rate()).isEqualTo(2.0);
    assertThat(s.eta()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void countsMergedCopiesAsTakenOnAndDone() {
    progress.admitted();
    progress.merged(2);

    assertThat(progress.snapshot().done()).isEqualTo(2);
    assertThat(progress.snapshot().total()).isEqualTo(3);
  }

  @Test
  void tellsNoTimeLeftBeforeAnythingIsDone() {
    progress.admitted();

    assertThat(progress.snapshot().eta()).isNull();
    assertThat(progress.snapshot().rate()).isZero();
  }
}
