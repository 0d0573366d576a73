package dev.pulse.store;

import dev.pulse.source.DiscoveredItem;
import java.util.List;

/**
 * The work queue: items discovered and not yet done, and items that failed for a passing reason,
 * tried again on later runs until they succeed or run out of attempts. An item enters it when it is
 * discovered, before its source's validators are saved, and leaves it only when it reaches an
 * outcome: a run that dies leaves its items to the next.
 */
public interface WorkQueue {

  /**
   * Makes newly discovered items durable, in one transaction, before their source's validators are
   * saved: they stay queued (reason "pending", no attempt counted) until they reach an outcome.
   * Items already queued keep their attempts and reason.
   */
  void queueDiscovered(List<DiscoveredItem> items);

  /** Queues an item to be tried again on later runs, counting the attempt. */
  void queueRetry(DiscoveredItem item, String reason);

  /**
   * Keeps an item queued for the next run with this reason, without counting an attempt: the run
   * stopped before the item could finish, through no fault of the item's.
   */
  void deferItem(DiscoveredItem item, String reason);

  /** Removes an item from the queue (it succeeded, or is gone for good). */
  void dropRetry(String url);

  /** Items queued with fewer than {@code maxAttempts} attempts so far, oldest first. */
  List<DiscoveredItem> retries(int maxAttempts);

  /**
   * One page of the items {@link #retries(int)} returns, in URL order: at most {@code limit} of
   * those whose URL sorts after {@code afterUrl} ("" for the first page). A long-running worker
   * walks the queue this way, so its memory does not grow with the number of queued items.
   */
  List<DiscoveredItem> retriesAfter(int maxAttempts, String afterUrl, int limit);
}
