package dev.pulse.analyze.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

  @Test
  void decodesEntitiesIncludingOnesThatLostTheirAmpersand() {
    assertThat(ArticleCleaner.clean("Rock &amp; roll, the band #39;s quot;best quot; album"))
        .isEqualTo("Rock & roll, the band 's \"best \" album");
  }

  @Test
  void dropsTagsAndKeepsParagraphBreaks() {
    assertThat(ArticleCleaner.clean("<b>Bold</b>  claim.\n\nNext   paragraph."))
        .isEqualTo("Bold claim.\n\nNext paragraph.");
  }
}
