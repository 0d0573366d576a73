package dev.pulse.desk;

import dev.pulse.editorial.AccountStore;
import io.javalin.http.Context;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The admins' list of accounts. */
final class UserRoutes {

  private final AccountStore accounts;
  private final DeskTemplates templates;

  UserRoutes(AccountStore accounts, DeskTemplates templates) {
    this.accounts = accounts;
    this.templates = templates;
  }

  void users(Context ctx) {
    Map<String, @Nullable Object> page = Page.of(Security.session(ctx), "Accounts");
    page.put(
        "accounts",
        accounts.accounts().stream()
            .map(
                a ->
                    Map.of(
                        "name",
                        a.name(),
                        "role",
                        a.role().label(),
                        "state",
                        a.disabled() ? "disabled" : "active"))
            .toList());
    ctx.html(templates.render("users", page));
  }
}
