package dev.pulse.store;

import dev.pulse.source.DiscoveredItem;
import java.util.List;

/**
 * The retry queue: items that failed for a passing reason, tried again on later runs until they
 * succeed or run out of attempts.
 */
public interface WorkQueue {

  /** Queues an item to be tried again on later runs, counting the attempt. */
  void queueRetry(DiscoveredItem item, String reason);

  /** Removes an item from the queue (it succeeded, or is gone for good). */
  void dropRetry(String url);

  /** Items queued with fewer than {@code maxAttempts} attempts so far, oldest first. */
  List<DiscoveredItem> retries(int maxAttempts);

}
