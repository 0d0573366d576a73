package dev.pulse.store;

import dev.pulse.fetch.ValidatorStore;
import dev.pulse.source.DiscoveredItem;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything the processing of one item writes, committed by {@link Store#save(ItemWrite)} in one
 * transaction: the entry and its fingerprint, the alternate link, the validators of the page, the
 * failure and the retry-queue change. A crash leaves all of it or none.
 *
 * @param item the item as discovered: its URL keys the validators and the retry queue
 * @param entry the entry to insert or replace, or null
 * @param fingerprint the SimHash of the entry's text, or null (only with an entry)
 * @param alternate another URL linked to an entry, or null
 * @param validators the page's validators to save under the item's URL, or null
 * @param runId the run a failure belongs to (with {@code failure})
 * @param failure the item's failure, or null
 * @param retry what happens to the item in the retry queue
 * @param retryReason why it is queued (with {@link Retry#QUEUE})
 */
public record ItemWrite(
    DiscoveredItem item,
    @Nullable Entry entry,
    @Nullable Long fingerprint,
    @Nullable Alternate alternate,
    ValidatorStore.@Nullable Validators validators,
    long runId,
    @Nullable ItemFailure failure,
    Retry retry,
    @Nullable String retryReason) {

  /** The item's place in the retry queue after this write. */
  public enum Retry {
    /** Left as it is. */
    KEEP,
    /** Queued for another try, counting the attempt. */
    QUEUE,
    /** Removed: it succeeded, or is gone for good. */
    DROP
  }

  public ItemWrite {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(retry, "retry");
    if ((fingerprint == null) != (entry == null)) {
      throw new IllegalArgumentException("an entry is written with its fingerprint");
    }
    if (retry == Retry.QUEUE) {
      Objects.requireNonNull(retryReason, "retryReason");
    }
  }

  /** A write for this item that changes nothing yet. */
  public static ItemWrite of(DiscoveredItem item) {
    return new ItemWrite(item, null, null, null, null, 0, null, Retry.KEEP, null);
  }

  public ItemWrite withEntry(Entry e, long simhash) {
    return new ItemWrite(
        item, e, simhash, alternate, validators, runId, failure, retry, retryReason);
  }

  public ItemWrite withAlternate(Alternate a) {
    return new ItemWrite(
        item, entry, fingerprint, a, validators, runId, failure, retry, retryReason);
  }

  /** Saves these validators (none when null or empty). */
  public ItemWrite withValidators(ValidatorStore.@Nullable Validators v) {
    return new ItemWrite(
        item, entry, fingerprint, alternate, v, runId, failure, retry, retryReason);
  }

  public ItemWrite withFailure(long run, ItemFailure f) {
    return new ItemWrite(
        item, entry, fingerprint, alternate, validators, run, f, retry, retryReason);
  }

  public ItemWrite queueingRetry(String reason) {
    return new ItemWrite(
        item, entry, fingerprint, alternate, validators, runId, failure, Retry.QUEUE, reason);
  }

  public ItemWrite droppingRetry() {
    return new ItemWrite(
        item, entry, fingerprint, alternate, validators, runId, failure, Retry.DROP, null);
  }
}
