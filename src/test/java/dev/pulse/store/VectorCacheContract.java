package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link VectorCache} must have. */
abstract class VectorCacheContract extends StoreContract {

  @Test
  void vectorsCountOnlyForTheContentAndModelTheyWereMadeFrom() {
    Store store = store();
    VectorCache s = store.vectorCache();
    Entry e = entry("v1", "Vector", "V.", null);
    store.entryStore().upsert(e);
    s.saveVector(e, "m1", new float[] {0.5f, -1.25f, 3f});
    assertThat(s.vectors(List.of(e), "m1").get("v1")).containsExactly(0.5f, -1.25f, 3f);
    assertThat(s.vectors(List.of(e), "m2")).isEmpty();
    Entry changed =
        new Entry(
            e.id(),
            e.url(),
            e.source(),
            e.title(),
            e.byline(),
            e.published(),
            e.siteName(),
            e.language(),
            e.image(),
            "new text",
            e.summary(),
            e.editorsNote(),
            e.sentiment(),
            e.category(),
            e.topics(),
            new Provenance(
                "embedded", "m", "1", "1", Instant.now(), Instant.now(), "other-hash", null));
    assertThat(s.vectors(List.of(changed), "m1")).isEmpty();
  }

  @Test
  void aNewVectorReplacesTheOld() {
    Store store = store();
    Entry e = entry("v2", "Vector", "V.", null);
    store.vectorCache().saveVector(e, "m1", new float[] {1f});
    store.vectorCache().saveVector(e, "m1", new float[] {2f, 3f});
    assertThat(store.vectorCache().vectors(List.of(e), "m1").get("v2")).containsExactly(2f, 3f);
  }
}
