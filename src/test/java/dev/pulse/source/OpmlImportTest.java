package dev.pulse.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpmlImportTest {

  @Test
  void turnsEveryFeedOutlineIntoAFeedSourceWithAUniqueName() {
    var sources = OpmlImport.parse(Fixtures.bytes("subscriptions.opml"));

    assertThat(sources)
        .extracting(SourceConfig::name)
        .containsExactly(
            "Harbour Gazette", "Harbour Gazette (2)", "Science Desk", "Untitled feed, only text");
    assertThat(sources)
        .extracting(SourceConfig::url)
        .containsExactly(
            "https://news.example.org/rss.xml", "https://news.example.org/sports.xml",
            "https://science.example.com/rss.rdf", "https://tech.example.com/atom.xml");
    assertThat(sources).allSatisfy(s -> assertThat(s.type()).isEqualTo(SourceConfig.Type.FEED));
  }

  @Test
  void refusesADocumentThatIsNotOpml() {
    assertThatThrownBy(() -> OpmlImport.parse("<rss/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
