package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EntryStore} must have. */
abstract class EntryStoreContract extends StoreContract {

  @Test
  void anEntryReadsBackAsItWasWrittenWithItsOffset() {
    EntryStore s = store().entryStore();
    Entry e =
        entry(
            "a1",
            "Chip plant opens",
            "A plant opened.",
            OffsetDateTime.parse("2026-11-20T09:00:00+01:00"));
    s.upsert(e);
    assertThat(s.find("a1")).contains(e);
    assertThat(s.find("a1").orElseThrow().published().getOffset().getTotalSeconds())
        .isEqualTo(3600);
  }

  @Test
  void anEntryKeepsItsFaithfulnessFlags() {
    EntryStore s = store().entryStore();
    Entry plain = entry("f1", "Flagged", "F.", null);
    Entry flagged =
        with(plain, plain.provenance(), java.util.List.of("unsupported number \"2,000\""));
    s.upsert(flagged);
    assertThat(s.find("f1")).contains(flagged);
  }

  @Test
  void anEntryKeepsItsAnalysisLanguageAndItsLanguageFlag() {
    EntryStore s = store().entryStore();
    Entry plain = entry("g1", "Streik", "S.", null);
    Provenance p = plain.provenance();
    Entry german =
        with(
            plain,
            new Provenance(
                p.analyzer(),
                p.model(),
                p.analysisVersion(),
                p.extractionVersion(),
                p.fetchedAt(),
                p.analyzedAt(),
                p.contentHash(),
                p.usage(),
                "de"),
            java.util.List.of("language-not-supported"));
    s.upsert(german);
    assertThat(s.find("g1")).contains(german);
    assertThat(s.find("g1").orElseThrow().provenance().analysisLanguage()).isEqualTo("de");
  }

  @Test
  void anEntryAnalyzedBeforeLanguagesWereRecordedHasNone() {
    EntryStore s = store().entryStore();
    s.upsert(entry("n1", "Old", "O.", null));
    assertThat(s.find("n1").orElseThrow().provenance().analysisLanguage()).isNull();
  }

  @Test
  void upsertingTheSameIdReplacesInsteadOfDuplicating() {
    EntryStore s = store().entryStore();
    s.upsert(entry("a1", "First title", "First.", null));
    s.upsert(entry("a1", "Second title", "Second.", null));
    assertThat(s.entries()).hasSize(1);
    assertThat(s.find("a1").orElseThrow().title()).isEqualTo("Second title");
  }

  @Test
  void entriesComeNewestFirst() {
    EntryStore s = store().entryStore();
    s.upsert(entry("old", "Old", "Old.", OffsetDateTime.parse("2026-11-01T00:00:00Z")));
    s.upsert(entry("new", "New", "New.", OffsetDateTime.parse("2026-11-22T00:00:00Z")));
    assertThat(s.entries()).extracting(Entry::id).containsExactly("new", "old");
  }

  @Test
  void entriesComeNewestFirstByInstantWhateverTheirOffsets() {
    EntryStore s = store().entryStore();
    // as text, "09:00+01:00" sorts after "08:30Z"; as instants it is 08:00Z, the oldest
    s.upsert(entry("paris", "P", "P.", OffsetDateTime.parse("2026-11-25T09:00+01:00")));
    s.upsert(entry("utc", "U", "U.", OffsetDateTime.parse("2026-11-25T08:30Z")));
    s.upsert(entry("ny", "N", "N.", OffsetDateTime.parse("2026-11-25T03:15-05:00")));
    assertThat(s.entries()).extracting(Entry::id).containsExactly("utc", "ny", "paris");
  }

  @Test
  void anotherUrlOfTheSameArticleIsKeptAsAnAlternate() {
    EntryStore s = store().entryStore();
    Entry e = entry("d1", "Dup", "D.", null);
    s.upsert(e);
    assertThat(s.findByContentHash("hash-d1")).map(Entry::id).contains("d1");
    s.addAlternate(new Alternate("https://mirror.example/d1", "d1", "same-content"));
    assertThat(s.alternate("https://mirror.example/d1")).map(Alternate::entryId).contains("d1");
    assertThat(s.alternates("d1"))
        .extracting(Alternate::url)
        .containsExactly("https://mirror.example/d1");
  }

  @Test
  void fingerprintsAreKeptPerEntryAcrossUpserts() {
    EntryStore s = store().entryStore();
    s.upsert(entry("s1", "S", "S.", null));
    s.saveFingerprint("s1", -42L);
    s.upsert(entry("s1", "S again", "S.", null));
    assertThat(s.fingerprints()).containsEntry("s1", -42L);
  }

  /** The entry with another provenance and flags. */
  private static Entry with(Entry e, Provenance p, java.util.List<String> flags) {
    return new Entry(
        e.id(),
        e.url(),
        e.source(),
        e.title(),
        e.byline(),
        e.published(),
        e.siteName(),
        e.language(),
        e.image(),
        e.text(),
        e.summary(),
        e.editorsNote(),
        e.sentiment(),
        e.category(),
        e.topics(),
        p,
        flags);
  }
}
