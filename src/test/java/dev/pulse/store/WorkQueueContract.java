package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.source.DiscoveredItem;
import java.time.OffsetDateTime;
import java.util.List;
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
            "https://x.example/b",
            null,
            OffsetDateTime.parse("2026-11-25T07:00+02:00"),
            "Wire",
            null);
    s.queueRetry(item, "http-503");
    assertThat(s.retries(5)).containsExactly(item);
  }

  @Test
  void discoveredItemsStayQueuedWithNoAttemptCountedUntilDropped() {
    WorkQueue s = store().workQueue();
    DiscoveredItem a = new DiscoveredItem("https://x.example/a", "A", null, "Wire", null);
    DiscoveredItem b = new DiscoveredItem("https://x.example/b", "B", null, "Wire", null);
    s.queueRetry(b, "timeout");
    s.queueRetry(b, "timeout");
    s.queueRetry(b, "timeout");
    s.queueRetry(b, "timeout");

    s.queueDiscovered(List.of(a, b));
    s.deferItem(a, "interrupted");

    assertThat(s.retries(1)).extracting(DiscoveredItem::url).containsExactly("https://x.example/a");
    assertThat(s.retries(5)).hasSize(2);
    s.dropRetry("https://x.example/a");
    assertThat(s.retries(5)).extracting(DiscoveredItem::url).containsExactly("https://x.example/b");
  }

  @Test
  void aDeferredItemThatWasNeverQueuedIsQueuedWithNoAttemptCounted() {
    WorkQueue s = store().workQueue();
    var item =
        new DiscoveredItem(
            "https://x.example/c",
            "C",
            OffsetDateTime.parse("2026-11-25T07:00+02:00"),
            "Wire",
            null);
    s.deferItem(item, "host-unavailable");
    assertThat(s.retries(1)).containsExactly(item);
  }

  @Test
  void theQueueIsReadAPageAtATimeInUrlOrder() {
    WorkQueue s = store().workQueue();
    List<DiscoveredItem> items = new java.util.ArrayList<>();
    for (String u : List.of("d", "a", "e", "c", "b")) {
      items.add(new DiscoveredItem("https://x.example/" + u, u, null, "Wire", null));
    }
    s.queueDiscovered(items);
    DiscoveredItem spent = new DiscoveredItem("https://x.example/bb", null, null, "Wire", null);
    s.queueRetry(spent, "timeout");
    s.queueRetry(spent, "timeout");

    List<String> seen = new java.util.ArrayList<>();
    String after = "";
    for (List<DiscoveredItem> page = s.retriesAfter(2, after, 2);
        !page.isEmpty();
        page = s.retriesAfter(2, after, 2)) {
      assertThat(page).hasSizeLessThanOrEqualTo(2);
      page.forEach(i -> seen.add(i.title()));
      after = page.get(page.size() - 1).url();
    }
    assertThat(seen).containsExactly("a", "b", "c", "d", "e");
  }
}
