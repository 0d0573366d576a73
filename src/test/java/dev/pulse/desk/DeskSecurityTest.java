package dev.pulse.desk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The desk's security, route by route as the Javalin router holds them, so that a route added
 * later cannot escape the filters.
 */
class DeskSecurityTest {

  @TempDir static Path dir;
  static DeskFixture desk;

  @BeforeAll
  static void start() {
    desk = new DeskFixture(dir, 6);
  }

  @AfterAll
  static void stop() {
    desk.close();
  }

  /** Every endpoint (not the filters), with path parameters filled in. */
  static List<Route> routes() {
    List<Route> out = new ArrayList<>();
    for (ParsedEndpoint p : desk.server.endpoints()) {
      HandlerType method = p.endpoint.method;
      if (!method.isHttpMethod()) {
        continue;
      }
      String path = p.endpoint.path
          .replaceAll("\\{[^}]+}", "x0")
          .replaceAll("<[^>]+>", "index.html");
      boolean open = p.endpoint.handler != null
          && (hasRole(p, Access.PUBLIC) || hasRole(p, Access.OPEN_FORM));
      out.add(new Route(method.name(), p.endpoint.path, path, open));
    }
    return out;
  }

  private static boolean hasRole(ParsedEndpoint p, Access role) {
    var roles = p.endpoint.metadata(io.javalin.security.Roles.class);
    return roles != null && roles.getRoles().contains(role);
  }

  record Route(String method, String pattern, String path, boolean open) {}

  @Test
  void theRouterHasDeskRoutesAndEveryOneIsClassified() {
    List<Route> routes = routes();
    assertThat(routes).extracting(Route::pattern).contains("/desk", "/desk/login", "/desk/users");
    assertThat(routes.stream().filter(r -> r.pattern().startsWith("/desk") && r.open()))
        .extracting(Route::pattern)
        .containsOnly("/desk/login", "/desk/assets/{name}");
  }

  @Test
  void everyDeskRouteWithoutASessionRedirectsToLoginOrAnswers401() {
    Browser anonymous = new Browser(desk.base);
    for (Route r : routes()) {
      if (!r.pattern().startsWith("/desk") || r.open()) {
        continue;
      }
      HttpResponse<String> res = anonymous.send(r.method(), r.path(), Map.of());
      if (r.method().equals("GET") && !r.path().startsWith("/desk/api/")) {
        assertThat(res.statusCode()).as(r.toString()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location")).as(r.toString())
            .hasValueSatisfying(l -> assertThat(l).startsWith("/desk/login?next="));
      } else {
        assertThat(res.statusCode()).as(r.toString()).isEqualTo(401);
      }
    }
  }

  @Test
  void everyChangingRouteRefusesAMissingOrWrongCsrfToken() {
    Browser admin = new Browser(desk.base);
    assertThat(admin.login("ada", DeskFixture.PASSWORD).statusCode()).isEqualTo(303);
    for (Route r : routes()) {
      if (r.method().equals("GET") || r.method().equals("HEAD")
          || hasOpenForm(r)) {
        continue;
      }
      assertThat(admin.send(r.method(), r.path(), Map.of()).statusCode())
          .as(r + " without a token").isEqualTo(403);
      assertThat(admin.send(r.method(), r.path(), Map.of("csrf", "forged")).statusCode())
          .as(r + " with a wrong token").isEqualTo(403);
    }
    // nothing changed: the session is still signed in
    assertThat(admin.get("/desk").statusCode()).isEqualTo(200);
  }

  private static boolean hasOpenForm(Route r) {
    return desk.server.endpoints().stream()
        .filter(p -> p.endpoint.path.equals(r.pattern())
            && p.endpoint.method.name().equals(r.method()))
        .anyMatch(p -> hasRole(p, Access.OPEN_FORM));
  }

  @Test
  void aLoginWithoutTheFormsTokenIsRefused() {
    Browser b = new Browser(desk.base);
    b.get("/desk/login");
    HttpResponse<String> res =
        b.post("/desk/login", Map.of("name", "ed", "password", DeskFixture.PASSWORD));
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(b.get("/desk").statusCode()).isEqualTo(302);
  }

  @Test
  void theSessionIdChangesAtLogin() {
    Browser b = new Browser(desk.base);
    b.get("/desk/login");
    String before = b.sessionId();
    assertThat(before).isNotNull();
    HttpResponse<String> res = b.login("ed", DeskFixture.PASSWORD);
    assertThat(res.statusCode()).isEqualTo(303);
    assertThat(b.sessionId()).isNotNull().isNotEqualTo(before);
    assertThat(res.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
    assertThat(b.get("/desk").statusCode()).isEqualTo(200);
  }

  @Test
  void theOldSessionIdIsDeadAfterLogin() {
    Browser b = new Browser(desk.base);
    b.get("/desk/login");
    String before = b.sessionId();
    b.login("ed", DeskFixture.PASSWORD);
    Browser thief = new Browser(desk.base);
    thief.cookies.getCookieStore().add(java.net.URI.create(desk.base),
        cookie(Security.SESSION_COOKIE, before));
    assertThat(thief.get("/desk").statusCode()).isEqualTo(302);
  }

  @Test
  void logoutEndsTheSession() {
    Browser b = new Browser(desk.base);
    b.login("ed", DeskFixture.PASSWORD);
    assertThat(b.postFrom("/desk", "/desk/logout", Map.of()).statusCode()).isEqualTo(303);
    assertThat(b.get("/desk").statusCode()).isEqualTo(302);
  }

  @Test
  void theSixthWrongPasswordWithinAMinuteLocksEvenTheRightOne() {
    try (DeskFixture fresh = new DeskFixture(dir.resolve("limit"), 1)) {
      Browser b = new Browser(fresh.base);
      for (int i = 0; i < 5; i++) {
        assertThat(b.login("ed", "wrong password " + i).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> sixth = b.login("ed", DeskFixture.PASSWORD);
      assertThat(sixth.statusCode()).isEqualTo(429);
      assertThat(sixth.body()).contains("Too many failed attempts");
      assertThat(b.get("/desk").statusCode()).isEqualTo(302);
    }
  }

  @Test
  void anEditorCannotOpenAdminRoutes() {
    Browser b = new Browser(desk.base);
    b.login("ed", DeskFixture.PASSWORD);
    assertThat(b.get("/desk/users").statusCode()).isEqualTo(403);
    Browser a = new Browser(desk.base);
    a.login("ada", DeskFixture.PASSWORD);
    assertThat(a.get("/desk/users").body()).contains("ada").contains("admin");
  }

  @Test
  void securityHeadersAreOnEveryResponse() {
    Browser signedIn = new Browser(desk.base);
    signedIn.login("ada", DeskFixture.PASSWORD);
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Route r : routes()) {
      responses.add(new Browser(desk.base).send(r.method(), r.path(), Map.of()));
      responses.add(signedIn.send(r.method(), r.path(), Map.of()));
    }
    responses.add(signedIn.get("/no/such/page.html"));
    responses.add(signedIn.get("/desk/assets/nothing.css"));
    assertThat(responses).hasSizeGreaterThan(10).allSatisfy(res -> {
      String what = res.request().method() + " " + res.uri() + " -> " + res.statusCode();
      assertThat(res.headers().firstValue("Content-Security-Policy")).as(what)
          .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'")
              .contains("default-src 'self'"));
      assertThat(res.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
      assertThat(res.headers().firstValue("Referrer-Policy")).as(what).isPresent();
    });
  }

  @Test
  void noPasswordOrHashReachesALogLine() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    root.setLevel(Level.DEBUG);
    try (DeskFixture fresh = new DeskFixture(dir.resolve("logs"), 1)) {
      Browser b = new Browser(fresh.base);
      b.login("ed", "a wrong password");
      b.login("nobody", DeskFixture.PASSWORD);
      b.login("ed", DeskFixture.PASSWORD);
      b.get("/desk");
      String hash = fresh.desk.passwordHash("ed").orElseThrow();
      assertThat(events.list).isNotEmpty();
      assertThat(events.list).allSatisfy(e -> assertThat(
          e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
              : e.getThrowableProxy().getMessage()))
          .doesNotContain(DeskFixture.PASSWORD)
          .doesNotContain("a wrong password")
          .doesNotContain(hash)
          .doesNotContain("$argon2"));
    } finally {
      root.detachAppender(events);
      root.setLevel(level);
    }
  }

  private static java.net.HttpCookie cookie(String name, String value) {
    java.net.HttpCookie c = new java.net.HttpCookie(name, value);
    c.setPath("/");
    c.setVersion(0);
    return c;
  }
}
