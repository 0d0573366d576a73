package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.similar.EntryVectors;
import dev.pulse.store.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faithfulness flags are for the desk and exports: the export carries them, no public file does. */
class FlagsStayOffPublicPagesTest {

  private static final String FLAG = "unsupported name \"Zebulon Quarterfield\"";

  @TempDir Path out;

  private static Entry flagged() {
    Entry e = TestEntries.sample().get(0);
    return new Entry(e.id(), e.url(), e.source(), e.title(), e.byline(), e.published(), e.siteName(),
        e.language(), e.image(), e.text(), e.summary(), e.editorsNote(), e.sentiment(), e.category(),
        e.topics(), e.provenance(), List.of(FLAG));
  }

  @Test
  void theExportCarriesTheFlags() {
    assertThat(JsonlExporter.toJson(flagged()).get("flags").get(0).asText()).isEqualTo(FLAG);
    assertThat(JsonlExporter.toJson(TestEntries.sample().get(1)).get("flags")).isEmpty();
  }

  @Test
  void noPublicPageOrFeedShowsThem() throws Exception {
    List<Entry> all = new ArrayList<>(TestEntries.sample());
    all.set(0, flagged());
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords()).write(all, out);

    List<Path> files;
    try (var walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    assertThat(files).anySatisfy(f -> assertThat(Files.readString(f)).contains(flagged().title()));
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".json")) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("Quarterfield").doesNotContain("unsupported");
      }
    }
  }
}
