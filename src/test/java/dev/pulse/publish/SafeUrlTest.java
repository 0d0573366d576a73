package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"https://example.com/a?b=c&d=e", "http://example.com", "HTTPS://Example.com/x#y"})
  void httpUrlsPass(String url) {
    assertThat(SafeUrl.httpOrNull(url)).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,<b>",
        "vbscript:x",
        "//evil.example/x",
        "/relative",
        "https:///nohost",
        "https://e.com/\"onmouseover=x",
        "https://e.com/<script>",
        "https://e.com/a b",
        "java\tscript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.com/x",
        ""
      })
  void everythingElseIsDropped(String url) {
    assertThat(SafeUrl.httpOrNull(url)).isNull();
  }

  @org.junit.jupiter.api.Test
  void nullIsDropped() {
    assertThat(SafeUrl.httpOrNull(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/img.jpg",
        "http://localhost/a.png",
        "http://img.localhost/a.png",
        "http://10.1.2.3/a",
        "http://192.168.0.4/a",
        "http://172.20.1.1/a",
        "http://169.254.169.254/latest",
        "http://[::1]/a",
        "http://[fd00::1]/a",
        "http://0.0.0.0/a"
      })
  void imagesOnLocalAddressesAreDropped(String url) {
    assertThat(SafeUrl.publicHttpOrNull(url)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://cdn.example.com/a.jpg",
        "https://fcbarcelona.com/a.jpg",
        "http://172.32.0.1/a",
        "https://10news.example/a",
        "http://8.8.8.8/a"
      })
  void imagesOnPublicHostsPass(String url) {
    assertThat(SafeUrl.publicHttpOrNull(url)).isEqualTo(url);
  }
}
