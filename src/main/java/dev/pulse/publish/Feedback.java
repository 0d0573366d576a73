package dev.pulse.publish;

import dev.pulse.store.Entry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The reader feedback block of an entry page: a Yes / No form posting to {@code pulse serve}, and
 * share links (copy, e-mail, the browser's share sheet) from the site's own script only.
 *
 * @param action where the vote form posts
 * @param formOrigin the CSP form-action source allowing that post ("'self'" or an origin)
 * @param shareUrl the URL to share: the page's public address, or the article's
 * @param mailto an e-mail link with the title and the URL
 */
record Feedback(
    String action, String formOrigin, @Nullable String shareUrl, String mailto, String title) {

  /** The base votes go to ("" for the serving process), or null when feedback is off. */
  static @Nullable String base(@Nullable String feedbackUrl) {
    if (feedbackUrl == null || feedbackUrl.isBlank()) {
      return null;
    }
    String u = feedbackUrl.strip();
    if (u.equals("/")) {
      return "";
    }
    URI uri = URI.create(u);
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("feedback_url must be an http(s) URL: " + feedbackUrl);
    }
    return u.replaceAll("/+$", "");
  }

  static Feedback of(String base, Entry e, String title, @Nullable String pageUrl) {
    String share = pageUrl != null ? pageUrl : SafeUrl.httpOrNull(e.url());
    String origin = base.isEmpty() ? "'self'" : origin(base);
    String mail =
        "mailto:?subject=" + encode(title) + (share == null ? "" : "&body=" + encode(share));
    return new Feedback(base + "/feedback/" + e.id(), origin, share, mail, title);
  }

  private static String origin(String base) {
    URI u = URI.create(base);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
