package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.source.DiscoveredItem;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link WorkQueue} must have. */
abstract class WorkQueueContract extends StoreContract {

  @Test
  void theRetryQueueCountsAttemptsAndForgetsWhatSucceeded() {
    WorkQueue s = store().workQueue();
    var item = new DiscoveredItem("https://x.example/a", "A", null, "Wire", "World");
    s.queueRetry(item, "invalid-reply");
    assertThat(s.retries(3)).containsExactly(item);
    s.queueRetry(item, "timeout");
    s.queueRetry(item, "timeout");
    assertThat(s.retries(3)).isEmpty();
    assertThat(s.retries(4)).hasSize(1);
    s.dropRetry(item.url());
    assertThat(s.retries(10)).isEmpty();
  }

  @Test
  void aQueuedItemKeepsItsPublishedTimeAndOffset() {
    WorkQueue s = store().workQueue();
    var item =
        new DiscoveredItem(
            "https://x.example/b", null, OffsetDateTime.parse("2026-11-25T07:00+02:00"), "Wire", null);
    s.queueRetry(item, "http-503");
    assertThat(s.retries(5)).containsExactly(item);
  }
}
