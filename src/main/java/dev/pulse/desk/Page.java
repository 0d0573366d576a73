package dev.pulse.desk;

import java.util.HashMap;
import java.util.Map;

/** The scope of a desk page: the layout's values (title, account, CSRF token) and the page's own. */
final class Page {

  private Page() {}

  static Map<String, Object> of(Session s, String title) {
    Map<String, Object> m = new HashMap<>();
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
