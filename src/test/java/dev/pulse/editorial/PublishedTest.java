package dev.pulse.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import dev.pulse.store.Entry;
import dev.pulse.store.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedTest {

  static Entry entry(String id) {
    return entry(id, List.of());
  }

  static Entry entry(String id, List<String> flags) {
    Instant t = Instant.parse("2026-11-01T08:00:00Z");
    return new Entry(
        id,
        "https://news.example/" + id,
        "Daily",
        "Title " + id,
        null,
        null,
        null,
        null,
        null,
        "text",
        "AI summary " + id,
        null,
        Sentiment.NEUTRAL,
        "World",
        List.of("Harbour"),
        new Provenance("embedded", "m", "v", "x", t, t, "h", Usage.NONE),
        flags);
  }

  final List<Entry> stored = List.of(entry("a"), entry("b"), entry("c"));
  final Map<String, ReviewState> states =
      Map.of("a", ReviewState.APPROVED, "b", ReviewState.REJECTED);

  @Test
  void optionalReviewShowsEverythingNotRejected() {
    assertThat(Published.entries(stored, Map.of(), states, ReviewMode.OPTIONAL))
        .extracting(Entry::id)
        .containsExactly("a", "c");
  }

  @Test
  void optionalReviewHoldsAFlaggedEntryUntilAnEditorApprovesIt() {
    List<String> flags = List.of("unsupported number \"2,000\"");
    List<Entry> flagged = List.of(entry("a", flags), entry("b", flags), entry("c", flags));
    assertThat(Published.entries(flagged, Map.of(), states, ReviewMode.OPTIONAL))
        .extracting(Entry::id)
        .containsExactly("a");
  }

  @Test
  void optionalReviewPublishesAnUnflaggedNewEntryBesideAHeldFlaggedOne() {
    List<Entry> mixed = List.of(entry("n"), entry("f", List.of("unsupported name \"Marovia\"")));
    assertThat(Published.entries(mixed, Map.of(), Map.of(), ReviewMode.OPTIONAL))
        .extracting(Entry::id)
        .containsExactly("n");
  }

  @Test
  void aCorrectionDoesNotReleaseAFlaggedEntryWithoutApproval() {
    Correction c =
        new Correction("f", "Editor summary.", null, null, null, null, 1, "ed", Instant.now());
    List<Entry> held = List.of(entry("f", List.of("unsupported date \"Monday\"")));
    assertThat(Published.entries(held, Map.of("f", c), Map.of(), ReviewMode.OPTIONAL)).isEmpty();
  }

  @Test
  void requiredReviewShowsApprovedEntriesOnly() {
    assertThat(Published.entries(stored, Map.of(), states, ReviewMode.REQUIRED))
        .extracting(Entry::id)
        .containsExactly("a");
  }

  @Test
  void correctionsWinOverTheAnalyzersOutput() {
    Correction c =
        new Correction(
            "c",
            "Editor summary.",
            "Note.",
            Sentiment.NEGATIVE,
            "Science",
            null,
            1,
            "ed",
            Instant.now());
    Entry shown = Published.entries(stored, Map.of("c", c), states, ReviewMode.OPTIONAL).get(1);
    assertThat(shown.summary()).isEqualTo("Editor summary.");
    assertThat(shown.editorsNote()).isEqualTo("Note.");
    assertThat(shown.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(shown.category()).isEqualTo("Science");
    assertThat(shown.topics()).containsExactly("Harbour");
  }
}
