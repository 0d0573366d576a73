package dev.pulse.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredTextTest {

  @Test
  void stripsControlBidiOverrideAndZeroWidthCharacters() {
    String hostile =
        "Mayor \u202Eseton\u202C re\u200Bsigns\u0000 after\u200D vote\u2066!\u2069\uFEFF";
    assertThat(StoredText.line(hostile, StoredText.MAX_TITLE))
        .isEqualTo("Mayor seton resigns after vote!");
  }

  @Test
  void capsAHugeTitleAtAWord() {
    String huge = "word ".repeat(20_000);
    String capped = StoredText.line(huge, StoredText.MAX_TITLE);
    assertThat(capped).hasSizeLessThanOrEqualTo(StoredText.MAX_TITLE).endsWith("word…");
  }

  @Test
  void keepsTheParagraphsOfABody() {
    assertThat(StoredText.body("One.\r\n\r\nTwo\u202E.")).isEqualTo("One.\n\nTwo.");
  }
}
