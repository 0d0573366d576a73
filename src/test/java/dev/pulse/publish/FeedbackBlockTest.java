package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.store.Entry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The static site shows the feedback block only when site.feedback_url names a pulse serve. */
class FeedbackBlockTest {

  final List<Entry> entries = TestEntries.sample();

  String entryPage(SiteRenderer renderer) {
    Map<String, byte[]> files = renderer.render(entries);
    return new String(
        files.get("entries/" + entries.get(0).id() + ".html"), StandardCharsets.UTF_8);
  }

  @Test
  void withoutAFeedbackUrlThereIsNoFormAndNoScript() {
    String page = entryPage(new SiteRenderer(TestEntries.settings(), e -> null));
    assertThat(page)
        .doesNotContain("Was this worth reading")
        .doesNotContain("<script")
        .contains("form-action 'none'");
  }

  @Test
  void aFeedbackUrlAddsAFormPostingThereAndTheCspAllowsIt() {
    SiteRenderer r =
        new SiteRenderer(TestEntries.settings(), e -> null)
            .withFeedback("https://desk.example.org/");
    String page = entryPage(r);
    assertThat(page)
        .contains("Was this worth reading?")
        .contains("action=\"https://desk.example.org/feedback/" + entries.get(0).id() + "\"")
        .contains("form-action https://desk.example.org\"")
        .contains("script-src 'self'");
    assertThat(r.render(entries)).containsKey("assets/share.js");
  }
}
