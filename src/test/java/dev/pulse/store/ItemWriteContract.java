package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.fetch.ValidatorStore.Validators;
import dev.pulse.source.DiscoveredItem;
import org.junit.jupiter.api.Test;

/** {@link Store#save(ItemWrite)}: everything one item writes commits together or not at all. */
abstract class ItemWriteContract extends StoreContract {

  private static final DiscoveredItem ITEM =
      new DiscoveredItem("https://news.example/w1", "W", null, "Example", null);

  @Test
  void aStoredItemWritesEntryFingerprintValidatorsAndLeavesTheQueue() {
    Store s = store();
    s.workQueue().queueRetry(ITEM, "timeout");
    Entry e = entry("w1", "W", "W.", null);
    s.save(
        ItemWrite.of(ITEM)
            .withEntry(e, 77L)
            .withValidators(new Validators("\"e\"", null))
            .droppingRetry());
    assertThat(s.entryStore().find("w1")).contains(e);
    assertThat(s.entryStore().fingerprints()).containsEntry("w1", 77L);
    assertThat(s.fetchState().get(ITEM.url())).isEqualTo(new Validators("\"e\"", null));
    assertThat(s.workQueue().retries(10)).isEmpty();
  }

  @Test
  void aFailedItemRecordsItsFailureAndIsQueued() {
    Store s = store();
    long run = s.runLog().startRun("run", "a");
    s.save(
        ItemWrite.of(ITEM)
            .withFailure(run, new ItemFailure(ITEM.url(), "fetch", "http-503", "busy", null))
            .queueingRetry("http-503"));
    assertThat(s.runLog().failures(run))
        .extracting(ItemFailure::reason)
        .containsExactly("http-503");
    assertThat(s.workQueue().retries(10)).containsExactly(ITEM);
  }

  @Test
  void whenOnePartCannotBeWrittenNothingIs() {
    Store s = store();
    Entry e = entry("w1", "W", "W.", null);
    // a failure under a run that does not exist breaks the foreign key: the whole write fails
    ItemWrite write =
        ItemWrite.of(ITEM)
            .withEntry(e, 77L)
            .withAlternate(new Alternate("https://mirror.example/w1", "w1", "same-content"))
            .withValidators(new Validators("\"e\"", null))
            .withFailure(999_999, new ItemFailure(ITEM.url(), "analyze", "x", "x", null))
            .queueingRetry("x");
    assertThatThrownBy(() -> s.save(write)).isInstanceOf(StoreException.class);
    assertThat(s.entryStore().entries()).isEmpty();
    assertThat(s.entryStore().alternate("https://mirror.example/w1")).isEmpty();
    assertThat(s.fetchState().get(ITEM.url())).isNull();
    assertThat(s.workQueue().retries(10)).isEmpty();
  }
}
