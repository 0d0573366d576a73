package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/a?b=c&d=e", "http://example.com", "HTTPS://Example.com/x#y"})
  void httpUrlsPass(String url) {
    assertThat(SafeUrl.httpOrNull(url)).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<b>",
      "vbscript:x", "//evil.example/x", "/relative", "https:///nohost", "https://e.com/\"onmouseover=x",
      "https://e.com/<script>", "https://e.com/a b", "java\tscript:alert(1)", "file:///etc/passwd",
      "ftp://example.com/x", ""})
  void everythingElseIsDropped(String url) {
    assertThat(SafeUrl.httpOrNull(url)).isNull();
  }

  @org.junit.jupiter.api.Test
  void nullIsDropped() {
    assertThat(SafeUrl.httpOrNull(null)).isNull();
  }
}
