package dev.pulse.desk;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scope of a desk page: the layout's values (title, account, CSRF token) and the page's own.
 */
final class Page {

  private Page() {}

  static Map<String, @Nullable Object> of(@Nullable Session s, String title) {
    Map<String, @Nullable Object> m = new HashMap<>();
    m.put("title", title);
    if (s != null) {
      m.put("csrf", s.csrf);
      if (s.authenticated()) {
        m.put("user", s.user);
        m.put("admin", s.admin());
      }
    }
    return m;
  }
}
