package dev.pulse.publish;

import dev.pulse.similar.EntryVectors;
import dev.pulse.similar.Vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedTest {

  @Test
  void similarEntriesFarApartInALargeStoreAreFoundThroughTheirCategory() {
    List<Entry> entries = new ArrayList<>();
    // two near-identical science stories separated in time by 2,000 unrelated entries
    entries.add(TestEntries.entry("https://a.example/1", "A", "Glacier melt speeds up in Alps",
        "Glacier melt in the Alps sped up this summer.", "Science", Sentiment.NEGATIVE, List.of(),
        TestEntries.hoursAgo(1)));
    for (int i = 0; i < 2000; i++) {
      entries.add(TestEntries.entry("https://b.example/" + i, "B", "Market note " + i,
          "Shares moved " + i + " points.", "Business", Sentiment.NEUTRAL, List.of(),
          TestEntries.hoursAgo(2 + i)));
    }
    entries.add(TestEntries.entry("https://c.example/2", "C", "Alps glacier melt speeds up",
        "Alpine glacier melt sped up this summer.", "Science", Sentiment.NEGATIVE, List.of(),
        TestEntries.hoursAgo(3000)));
    Catalog c = new Catalog(entries);
    EntryVectors v = EntryVectors.hashedWords();
    float[][] unit = Vectors.unit(v.vectors(c.entries), c.size());

    int[][] recs = Related.recommend(c, unit, 5);

    assertThat(recs[0]).hasSize(5).contains(c.size() - 1);
    assertThat(recs[c.size() - 1]).contains(0);
  }

  @Test
  void vectorsOfAnotherLengthOrNaNCountAsMissing() {
    float[][] unit = Vectors.unit(
        java.util.Arrays.asList(new float[] {3, 4}, new float[] {1, 0, 0}, new float[] {Float.NaN, 1},
            null, new float[] {0, 2}), 5);

    assertThat(unit[0]).containsExactly(0.6f, 0.8f);
    assertThat(unit[1]).isEmpty();
    assertThat(unit[2]).isEmpty();
    assertThat(unit[3]).isEmpty();
    assertThat(Vectors.dot(unit[0], unit[4])).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void belowTheFloorFewerOrNoStoriesAreRecommended() {
    List<Entry> entries = new ArrayList<>();
    entries.add(TestEntries.entry("https://a.example/1", "A", "Glacier melt speeds up in Alps",
        "Glacier melt in the Alps sped up this summer.", "Science", Sentiment.NEGATIVE, List.of(),
        TestEntries.hoursAgo(1)));
    entries.add(TestEntries.entry("https://c.example/2", "C", "Alps glacier melt speeds up",
        "Alpine glacier melt sped up this summer.", "Science", Sentiment.NEGATIVE, List.of(),
        TestEntries.hoursAgo(2)));
    entries.add(TestEntries.entry("https://b.example/3", "B", "Mariners win the league title",
        "A late header won the title for the home side.", "Sports", Sentiment.POSITIVE, List.of(),
        TestEntries.hoursAgo(3)));
    Catalog c = new Catalog(entries);
    float[][] unit = Vectors.unit(EntryVectors.hashedWords().vectors(c.entries), c.size());

    int[][] floored = Related.recommend(c, unit, 5, 0.3);
    int[][] unfloored = Related.recommend(c, unit, 5);

    assertThat(floored[0]).containsExactly(1);
    assertThat(floored[2]).isEmpty();
    assertThat(unfloored[2]).hasSize(2);
  }

  @Test
  void anEntryWithoutAVectorIsNotHeldToTheFloor() {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      entries.add(TestEntries.entry("https://a.example/" + i, "A", "Story " + i, "Text " + i + ".",
          "Science", Sentiment.NEUTRAL, List.of(), TestEntries.hoursAgo(i)));
    }
    Catalog c = new Catalog(entries);
    float[][] unit = Vectors.unit(List.of(), c.size());

    assertThat(Related.recommend(c, unit, 5, 0.35)[0]).hasSize(2);
  }
}
