package dev.pulse.desk;

import dev.pulse.editorial.Account;
import dev.pulse.editorial.AccountStore;
import dev.pulse.editorial.Passwords;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in and sign-out. Passwords and hashes never reach a log line. */
final class AuthRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

  private final AccountStore accounts;
  private final Security security;
  private final LoginLimiter limiter;
  private final DeskTemplates templates;

  AuthRoutes(
      AccountStore accounts, Security security, LoginLimiter limiter, DeskTemplates templates) {
    this.accounts = accounts;
    this.security = security;
    this.limiter = limiter;
    this.templates = templates;
  }

  void form(Context ctx) {
    Session s = Security.session(ctx);
    if (s != null && s.authenticated()) {
      ctx.redirect("/desk");
      return;
    }
    render(ctx, security.sessionOrAnonymous(ctx), null, HttpStatus.OK);
  }

  void login(Context ctx) {
    String name = value(ctx.formParam("name"));
    String password = value(ctx.formParam("password"));
    String address = security.address(ctx);
    Session anonymous = Security.session(ctx);
    if (!limiter.allowed(name, address)) {
      LOG.warn("login refused for '{}' from {}: too many failed attempts", name, address);
      render(
          ctx,
          anonymous,
          "Too many failed attempts. Wait a minute and try again.",
          HttpStatus.TOO_MANY_REQUESTS);
      return;
    }
    String hash = accounts.passwordHash(name).orElse(null);
    if (!Passwords.matches(password.toCharArray(), hash)) {
      limiter.failed(name, address);
      LOG.info("login failed for '{}' from {}", name, address);
      render(ctx, anonymous, "Wrong name or password.", HttpStatus.UNAUTHORIZED);
      return;
    }
    Account account = accounts.account(name).orElseThrow();
    security.login(ctx, account.name(), account.role());
    LOG.info("login: {} ({}) from {}", account.name(), account.role().label(), address);
    ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    security.logout(ctx);
    ctx.redirect("/desk/login", HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, Session s, @Nullable String error, HttpStatus status) {
    Map<String, @Nullable Object> page = Page.of(s, "Sign in");
    page.put("error", error);
    page.put("next", safeNext(ctx.queryParam("next")));
    ctx.status(status).html(templates.render("login", page));
  }

  /** Only a desk path of this site: never an open redirect. */
  static String safeNext(@Nullable String next) {
    if (next == null
        || !next.startsWith("/desk")
        || next.startsWith("//")
        || next.contains("\\")
        || next.contains("://")) {
      return "/desk";
    }
    return next;
  }

  private static String value(@Nullable String s) {
    return s == null ? "" : s;
  }
}
