package dev.pulse.desk;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters every request passes: security headers, the session, then (once the route is known)
 * sign-in, role and CSRF checks. Handlers never repeat these checks.
 */
final class Security {

  static final String SESSION_COOKIE = "pulse_session";
  static final String CSRF_FIELD = "csrf";
  private static final String SESSION_ATTR = "desk.session";

  static final String CSP =
      "default-src 'self'; img-src 'self' https: data:; style-src 'self';"
          + " script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private final Sessions sessions;
  private final dev.pulse.editorial.AccountStore accounts;
  private final boolean trustProxy;

  Security(Sessions sessions, dev.pulse.editorial.AccountStore accounts, boolean trustProxy) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.trustProxy = trustProxy;
  }

  /** Before every request, matched or not: the headers every response carries. */
  void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (ctx.path().startsWith("/desk")) {
      ctx.header("Cache-Control", "no-store");
    }
    sessions.find(ctx.cookie(SESSION_COOKIE)).ifPresent(s -> ctx.attribute(SESSION_ATTR, s));
  }

  /** Before every matched route: sign-in, role and CSRF token, by the route's {@link Access}. */
  void guard(Context ctx) {
    Set<?> roles = ctx.routeRoles();
    Access access =
        roles.contains(Access.PUBLIC)
            ? Access.PUBLIC
            : roles.contains(Access.OPEN_FORM)
                ? Access.OPEN_FORM
                : roles.contains(Access.ADMIN) ? Access.ADMIN : Access.EDITOR;
    Session s = session(ctx);
    if (s != null && s.authenticated() && accounts.passwordHash(s.user).isEmpty()) {
      sessions.end(s); // the account was disabled or removed meanwhile
      s = null;
    }
    if (access == Access.EDITOR || access == Access.ADMIN) {
      if (s == null || !s.authenticated()) {
        if (ctx.method() == HandlerType.GET && !ctx.path().startsWith("/desk/api/")) {
          String next = URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8);
          ctx.redirect("/desk/login?next=" + next, HttpStatus.FOUND);
          ctx.skipRemainingHandlers();
          return;
        }
        throw new UnauthorizedResponse("sign in first");
      }
      if (access == Access.ADMIN && !s.admin()) {
        throw new ForbiddenResponse("admins only");
      }
    }
    if (access != Access.OPEN_FORM && changes(ctx.method())) {
      String sent = ctx.formParam(CSRF_FIELD);
      if (s == null
          || sent == null
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8), s.csrf.getBytes(StandardCharsets.UTF_8))) {
        throw new ForbiddenResponse("missing or wrong CSRF token; reload the page and try again");
      }
    }
  }

  private static boolean changes(HandlerType method) {
    return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
  }

  /** The request's session, or null. */
  static @Nullable Session session(Context ctx) {
    return ctx.attribute(SESSION_ATTR);
  }

  /** The request's session, starting an anonymous one (and its cookie) when there is none. */
  Session sessionOrAnonymous(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      s = sessions.anonymous();
      setCookie(ctx, s);
      ctx.attribute(SESSION_ATTR, s);
    }
    return s;
  }

  /** Replaces the request's session with an account's, under a new id. */
  Session login(Context ctx, String user, dev.pulse.editorial.Role role) {
    Session s = sessions.login(session(ctx), user, role);
    setCookie(ctx, s);
    ctx.attribute(SESSION_ATTR, s);
    return s;
  }

  void logout(Context ctx) {
    sessions.end(session(ctx));
    ctx.res()
        .addHeader(
            "Set-Cookie",
            SESSION_COOKIE
                + "=; Path=/; Max-Age=0; HttpOnly;"
                + " SameSite=Lax"
                + (https(ctx) ? "; Secure" : ""));
  }

  void endAll(String user) {
    sessions.endAll(user);
  }

  private void setCookie(Context ctx, Session s) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            SESSION_COOKIE
                + "="
                + s.id
                + "; Path=/; HttpOnly;"
                + " SameSite=Lax"
                + (https(ctx) ? "; Secure" : ""));
  }

  /**
   * Whether the browser reached us over https: directly, or through a proxy saying so. Trusting the
   * header here only ever makes cookies stricter.
   */
  static boolean https(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  /** The client's address: the peer, or with {@code trustProxy} the last X-Forwarded-For hop. */
  String address(Context ctx) {
    if (trustProxy) {
      String xff = ctx.header("X-Forwarded-For");
      if (xff != null && !xff.isBlank()) {
        String[] hops = xff.split(",");
        return hops[hops.length - 1].strip();
      }
    }
    return ctx.req().getRemoteAddr();
  }
}
