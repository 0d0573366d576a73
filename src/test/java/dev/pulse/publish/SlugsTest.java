package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void slugsAreLowerCaseAsciiWithDashes() {
    assertThat(Slugs.slug("Artificial Intelligence")).isEqualTo("artificial-intelligence");
    assertThat(Slugs.slug("Économie & Société")).isEqualTo("economie-societe");
    assertThat(Slugs.slug("  --Hello__World!!  ")).isEqualTo("hello-world");
  }

  @Test
  void namesWithoutLettersGetAHashedSlug() {
    Slugs slugs = new Slugs();
    assertThat(slugs.of("日本")).matches("t-[0-9a-f]{10}");
    assertThat(slugs.of("<>")).matches("t-[0-9a-f]{10}").isNotEqualTo(slugs.of("日本"));
  }

  @Test
  void collidingNamesGetDistinctSlugsAndKeepThem() {
    Slugs slugs = new Slugs();
    String first = slugs.of("C++");
    String second = slugs.of("C#");
    assertThat(first).isEqualTo("c");
    assertThat(second).startsWith("c-").isNotEqualTo(first);
    assertThat(slugs.of("C#")).isEqualTo(second);
  }

  @Test
  void entryStemIsTheHexIdOrItsHash() {
    String hex = "ab".repeat(32);
    assertThat(Slugs.entryStem(hex.toUpperCase())).isEqualTo(hex);
    assertThat(Slugs.entryStem("../../etc/passwd")).matches("[0-9a-f]{64}");
  }
}
