package dev.pulse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

  private final UrlCanonicalizer canon = UrlCanonicalizer.defaults();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      HTTPS://News.Example.COM/World/Story            | https://news.example.com/World/Story
      http://example.com:80/a                         | http://example.com/a
      https://example.com:443/a                       | https://example.com/a
      https://example.com:8443/a                      | https://example.com:8443/a
      http://example.com                              | http://example.com/
      https://example.com/a#comments                  | https://example.com/a
      https://example.com/a?utm_source=x&utm_medium=y | https://example.com/a
      https://example.com/a?UTM_Campaign=x&id=3       | https://example.com/a?id=3
      https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&p=1 | https://example.com/a?p=1
      https://example.com/a?b=2&a=1&c=3               | https://example.com/a?a=1&b=2&c=3
      https://example.com/a?b=2&a=2&a=1               | https://example.com/a?a=1&a=2&b=2
      https://example.com/a?&&x=1&                    | https://example.com/a?x=1
      https://example.com/a?                          | https://example.com/a
      https://example.com/a/./b/../c                  | https://example.com/a/c
      https://example.com/../a                        | https://example.com/a
      https://example.com/%7euser/%41b%2f             | https://example.com/~user/Ab%2F
      https://example.com/a b                         | https://example.com/a%20b
      https://user:secret@example.com/a               | https://example.com/a
      https://example.com./a                          | https://example.com/a
      https://bücher.example/straße                   | https://xn--bcher-kva.example/stra%C3%9Fe
      https://example.com/a/                          | https://example.com/a/
      https://www.example.com/A                       | https://www.example.com/A
      https://example.com/search?q=a+b&q2=%e2%82%ac   | https://example.com/search?q=a+b&q2=%E2%82%AC
      """)
  void canonicalizes(String input, String expected) {
    assertThat(canon.canonicalize(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/a",
        "mailto:a@example.com",
        "/relative/path",
        "javascript:alert(1)",
        "http://"
      })
  void refusesWhatIsNotAnAbsoluteHttpUrl(String input) {
    assertThatThrownBy(() -> canon.canonicalize(input))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isIdempotent() {
    String once = canon.canonicalize("HTTP://Example.com:80/a/../b?z=1&utm_x=2&a=%7e#f");

    assertThat(canon.canonicalize(once)).isEqualTo(once);
  }

  @Test
  void dropsConfiguredParametersOnly() {
    UrlCanonicalizer custom = new UrlCanonicalizer(Set.of("ref"), List.of("trk_"));

    assertThat(custom.canonicalize("https://example.com/a?ref=home&trk_x=1&utm_source=kept"))
        .isEqualTo("https://example.com/a?utm_source=kept");
  }

  @Test
  void addsExtraParametersToTheDefaults() {
    assertThat(
            UrlCanonicalizer.withExtraParams(List.of("ref"))
                .canonicalize("https://example.com/a?ref=x&utm_source=y&id=1"))
        .isEqualTo("https://example.com/a?id=1");
  }

  @ParameterizedTest(name = "fetched {0}, declared {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock =
          """
      https://m.example.co.uk/story?utm_source=x | https://www.example.co.uk/story        | https://www.example.co.uk/story
      https://example.com/story?page=1           | /story                                 | https://example.com/story
      https://example.com/story                  | https://aggregator.example.net/story   | https://example.com/story
      https://example.com/story                  | null                                   | https://example.com/story
      https://example.com/story                  | '   '                                  | https://example.com/story
      https://example.com/story                  | javascript:void(0)                     | https://example.com/story
      https://example.co.uk/story                | https://other.co.uk/story              | https://example.co.uk/story
      https://blog.example.com/p                 | https://example.com/p#top              | https://example.com/p
      http://127.0.0.1:8080/a                    | http://127.0.0.1:8080/b                | http://127.0.0.1:8080/b
      http://127.0.0.1:8080/a                    | http://127.0.0.2:8080/b                | http://127.0.0.1:8080/a
      """)
  void prefersTheDeclaredCanonicalOnTheSameSite(String fetched, String declared, String expected) {
    assertThat(canon.preferred(fetched, declared)).isEqualTo(expected);
  }

  @Test
  void entryIdIsTheSha256OfTheCanonicalUrl() {
    // sha256("https://example.com/") computed independently with `printf %s ... | sha256sum`.
    assertThat(EntryId.of("https://example.com/"))
        .isEqualTo("0f115db062b7c0dd030b16878c99dea5c354b49dc37b38eb8846179c7783e9d7");
  }
}
