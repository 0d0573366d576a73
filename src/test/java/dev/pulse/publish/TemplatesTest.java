package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatesTest {

  /** Escaping is only automatic while no template opts out of it. */
  @ParameterizedTest
  @ValueSource(strings = {"head", "foot", "card", "badge", "list", "entry"})
  void templatesNeverUseUnescapedOutput(String name) throws Exception {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("site/" + name + ".mustache")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text)
          .doesNotContain("{{{", "{{&", "<script")
          .doesNotContainPattern("\\son[a-z]+\\s*=");
    }
  }
}
