package dev.pulse.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.publish.TestEntries;
import dev.pulse.store.Entry;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredEntryVectorsTest {

  @Test
  void vectorsAreEmbeddedOnceAndThenReadFromTheStore(@TempDir Path dir) {
    List<Entry> entries = TestEntries.sample();
    HashedWordVectors hashed = new HashedWordVectors(16);
    List<String> embedded = new ArrayList<>();
    Function<List<String>, List<float[]>> embedAll =
        texts -> {
          embedded.addAll(texts);
          return texts.stream()
              .map(
                  t ->
                      hashed.vector(
                          TestEntries.entry(
                              "https://x.example/",
                              "s",
                              t,
                              t,
                              "c",
                              dev.pulse.analyze.Sentiment.NEUTRAL,
                              List.of(),
                              TestEntries.NOW)))
              .toList();
        };
    try (Store store = Stores.sqlite(dir.resolve("pulse.db"))) {
      entries.forEach(store.entryStore()::upsert);
      StoredEntryVectors vectors =
          new StoredEntryVectors(store.vectorCache(), "test-model", embedAll);

      List<float[]> first = vectors.vectors(entries);
      int afterFirst = embedded.size();
      List<float[]> second = vectors.vectors(entries);

      assertThat(afterFirst).isEqualTo(entries.size());
      assertThat(embedded).hasSize(afterFirst);
      for (int i = 0; i < entries.size(); i++) {
        assertThat(second.get(i)).containsExactly(first.get(i));
      }
      assertThat(embedded.get(0)).isEqualTo(EntryVectors.text(entries.get(0)));
    }
  }
}
