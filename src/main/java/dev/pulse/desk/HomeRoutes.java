package dev.pulse.desk;

import dev.pulse.editorial.AccountStore;
import io.javalin.http.Context;
import java.util.Map;

/** The desk's front page and the admins' list of accounts. */
final class HomeRoutes {

  private final AccountStore accounts;
  private final DeskTemplates templates;

  HomeRoutes(AccountStore accounts, DeskTemplates templates) {
    this.accounts = accounts;
    this.templates = templates;
  }

  void home(Context ctx) {
    Map<String, Object> page = Page.of(Security.session(ctx), "Desk");
    ctx.html(templates.render("home", page));
  }

  void users(Context ctx) {
    Map<String, Object> page = Page.of(Security.session(ctx), "Accounts");
    page.put("accounts", accounts.accounts().stream()
        .map(a -> Map.of("name", a.name(), "role", a.role().label(),
            "state", a.disabled() ? "disabled" : "active"))
        .toList());
    ctx.html(templates.render("users", page));
  }
}
