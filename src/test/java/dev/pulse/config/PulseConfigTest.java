package dev.pulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.source.SourceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PulseConfigTest {

  @TempDir Path dir;

  @Test
  void readsSourcesAndSettings() {
    PulseConfig c =
        PulseConfig.parse(
            """
            user_agent: "Test/1 (+https://t.example)"
            store: out/x.db
            sources:
              - name: Wire
                url: https://wire.example/feed.xml
                category: World
                max_items: 5
                lookback: 48h
              - name: Picks
                type: urls
                urls: [https://a.example/1, https://a.example/2]
            llm:
              model: gpt-4o-mini
            """);
    assertThat(c.userAgent()).isEqualTo("Test/1 (+https://t.example)");
    assertThat(c.store()).isEqualTo("out/x.db");
    assertThat(c.sources()).hasSize(2);
    SourceConfig wire = c.sources().get(0);
    assertThat(wire.type()).isEqualTo(SourceConfig.Type.FEED);
    assertThat(wire.maxItems()).isEqualTo(5);
    assertThat(wire.lookback()).isEqualTo(Duration.ofHours(48));
    assertThat(wire.category()).isEqualTo("World");
    assertThat(c.sources().get(1).urls())
        .containsExactly("https://a.example/1", "https://a.example/2");
    assertThat(c.llm().path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(c.fetch().isMissingNode()).isTrue();
  }

  @Test
  void anEmptyFileGivesTheDefaults() {
    PulseConfig c = PulseConfig.parse("");
    assertThat(c.sources()).isEmpty();
    assertThat(c.store()).isEqualTo("data/pulse.db");
  }

  @Test
  void aWrongSourceTypeIsNamedInTheError() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("s.yml"),
            "sources:\n  - name: X\n    type: carrier-pigeon\n    url: https://x.example\n");
    assertThatThrownBy(() -> PulseConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("s.yml")
        .hasMessageContaining("carrier-pigeon");
  }

  @Test
  void aSourceWithoutUrlIsRefused() {
    assertThatThrownBy(() -> PulseConfig.parse("sources:\n  - name: X\n"))
        .hasMessageContaining("source 'X' needs a url");
  }

  @Test
  void brokenYamlIsAClearError() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yml"), "sources: [unclosed\n");
    assertThatThrownBy(() -> PulseConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML");
  }

  @ParameterizedTest
  @CsvSource({"90s, PT1M30S", "30m, PT30M", "48h, PT48H", "7d, PT168H", "2w, PT336H", "PT2H, PT2H"})
  void durationsReadAsPeopleWriteThem(String text, String iso) {
    assertThat(PulseConfig.duration(text)).isEqualTo(Duration.parse(iso));
  }

  @Test
  void aNonsenseDurationIsRefused() {
    assertThatThrownBy(() -> PulseConfig.duration("soon")).hasMessageContaining("not a duration");
  }

  @Test
  void aMisspelledKeyIsNamedNotIgnored() {
    assertThatThrownBy(() -> PulseConfig.parse("taxnomy: data/categories.yml\n"))
        .hasMessageContaining("unknown key 'taxnomy'");
    assertThatThrownBy(
            () ->
                PulseConfig.parse(
                    "sources:\n  - name: X\n    url: https://x.example/f\n    max_item: 3\n"))
        .hasMessageContaining("source 'X': unknown key 'max_item'");
  }

  @Test
  void maxItemsMustBeANumber() {
    assertThatThrownBy(
            () ->
                PulseConfig.parse(
                    "sources:\n  - name: X\n    url: https://x.example/f\n    max_items: lots\n"))
        .hasMessageContaining("max_items must be a whole number");
  }

  @Test
  void feedsComeFromAnOpmlExportToo() throws Exception {
    Files.writeString(
        dir.resolve("team.opml"),
        """
        <?xml version="1.0"?>
        <opml version="2.0"><head><title>Team feeds</title></head><body>
          <outline text="Tech"><outline type="rss" text="Gadget Wire" xmlUrl="https://gadgets.example/feed"/></outline>
          <outline type="rss" text="City Hall" xmlUrl="https://city.example/rss.xml"/>
        </body></opml>
        """);
    PulseConfig c =
        PulseConfig.parse(
            "sources:\n  - name: Wire\n    url: https://wire.example/feed.xml\nopml: team.opml\n",
            dir);
    assertThat(c.sources())
        .extracting(SourceConfig::url)
        .containsExactly(
            "https://wire.example/feed.xml",
            "https://gadgets.example/feed",
            "https://city.example/rss.xml");
  }

  @Test
  void twoSourcesWithOneNameAreRefused() {
    assertThatThrownBy(
            () ->
                PulseConfig.parse(
                    "sources:\n  - name: X\n    url: https://a.example/f\n  - name: X\n    url: https://b.example/f\n"))
        .hasMessageContaining("two sources are named 'X'");
  }

  @Test
  void aListWhereOneValueBelongsIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> PulseConfig.parse("user_agent: [a, b]\n"))
        .hasMessageContaining("'user_agent' must be a single value, not a list");
  }

  @Test
  void aLookbackWithoutAUnitNamesTheKeyAndTheSource() {
    assertThatThrownBy(
            () ->
                PulseConfig.parse(
                    "sources:\n  - name: X\n    url: https://x.example/f\n    lookback: 48\n"))
        .hasMessageContaining("source 'X': lookback: '48'")
        .hasMessageContaining("48h");
  }

  @Test
  void aConfigThatIsNotUtf8SaysSoAndNamesTheFile() throws Exception {
    Path f = dir.resolve("latin1.yml");
    Files.write(
        f, "user_agent: \"Caf\u00e9\"\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> PulseConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("latin1.yml")
        .hasMessageContaining("not UTF-8");
  }
}
