package dev.pulse.desk;

import dev.pulse.editorial.AccountStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.ParsedEndpoint;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pulse serve}: the public site (the pages of {@code pulse site}, from memory) and the
 * editorial desk under {@code /desk}, on Javalin. Every request passes {@link Security}'s filters;
 * every route declares its {@link Access}.
 *
 * <pre>{@code
 * DeskServer server = new DeskServer(settings, accounts, site).start("127.0.0.1", 8080);
 * ...
 * server.stop();
 * }</pre>
 */
public final class DeskServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);

  private final Javalin app;
  private final PublicSite site;

  public DeskServer(DeskSettings settings, DeskServices services) {
    Objects.requireNonNull(settings, "settings");
    AccountStore accounts = services.accounts();
    Sessions sessions = new Sessions(settings.sessionIdle(), settings.clock());
    Security security = new Security(sessions, accounts, settings.trustProxy());
    LoginLimiter limiter =
        new LoginLimiter(settings.loginFailures(), settings.loginWindow(), settings.clock());
    DeskTemplates templates = new DeskTemplates();
    this.site = new PublicSite(services.site(), settings.clock(), templates);
    Format format = new Format(settings.zone());
    AuthRoutes auth = new AuthRoutes(accounts, security, limiter, templates);
    UserRoutes home = new UserRoutes(accounts, templates);
    QueueRoutes queue =
        new QueueRoutes(services.editorial(), services.categories(), templates, format, site);
    EntryRoutes entry =
        new EntryRoutes(
            services.editorial(),
            services.votes(),
            services.entries(),
            services.categories(),
            templates,
            format,
            site,
            settings.lockInactivity());
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = 1_000_000;
              routes(
                  config,
                  security,
                  auth,
                  home,
                  queue,
                  entry,
                  new RunRoutes(services.runs(), services.runLog(), templates, format),
                  new FeedbackRoutes(
                      services.votes(),
                      services.entries(),
                      security,
                      templates,
                      settings.voteRetention(),
                      settings.clock()));
            });
  }

  private void routes(
      JavalinConfig config,
      Security security,
      AuthRoutes auth,
      UserRoutes home,
      QueueRoutes queue,
      EntryRoutes entry,
      RunRoutes runs,
      FeedbackRoutes feedback) {
    var r = config.routes;
    r.before(security::headers);
    r.beforeMatched(security::guard);
    r.get("/desk/login", auth::form, Access.PUBLIC);
    r.post("/desk/login", auth::login, Access.PUBLIC);
    r.get("/desk/assets/{name}", DeskServer::asset, Access.PUBLIC);
    r.post("/desk/logout", auth::logout, Access.EDITOR);
    r.get("/desk", queue::queue, Access.EDITOR);
    r.post("/desk/entries/{id}/review", queue::review, Access.EDITOR);
    r.get("/desk/entries/{id}", entry::show, Access.EDITOR);
    r.post("/desk/entries/{id}", entry::save, Access.EDITOR);
    r.post("/desk/entries/{id}/cancel", entry::cancel, Access.EDITOR);
    r.post("/desk/entries/{id}/unlock", entry::breakLock, Access.ADMIN);
    r.get("/desk/users", home::users, Access.ADMIN);
    r.get("/desk/runs", runs::list, Access.EDITOR);
    r.get("/desk/runs/{id}", runs::show, Access.EDITOR);
    r.post("/desk/runs/now", runs::runNow, Access.EDITOR);
    r.post("/desk/runs/rerun", runs::rerun, Access.EDITOR);
    r.post("/desk/runs/{id}/retry", runs::retry, Access.EDITOR);
    r.get(
        "/desk/<rest>",
        ctx -> {
          throw new NotFoundResponse("no such desk page");
        },
        Access.EDITOR);
    r.post("/feedback/{id}", feedback::vote, Access.OPEN_FORM);
    r.get("/", ctx -> site.serve(ctx, "index.html"), Access.PUBLIC);
    r.get("/<path>", ctx -> site.serve(ctx, ctx.pathParam("path")), Access.PUBLIC);
    r.exception(
        dev.pulse.store.StoreException.class,
        (e, ctx) -> {
          LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
          ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("the store cannot be read or written");
        });
  }

  private static void asset(Context ctx) {
    String name = ctx.pathParam("name");
    byte[] body = name.matches("[a-z0-9-]+\\.(css|js)") ? DeskTemplates.asset(name) : null;
    if (body == null) {
      throw new NotFoundResponse("no such asset");
    }
    ctx.contentType(PublicSite.contentType(name)).result(body);
  }

  /** Starts serving on {@code host:port} (0: any free port). */
  public DeskServer start(String host, int port) {
    app.start(host, port);
    site.start();
    return this;
  }

  /** The port served on, once started. */
  public int port() {
    return app.port();
  }

  /** Marks the public site stale (after a change made outside the desk's own routes). */
  public void invalidateSite() {
    site.invalidate();
  }

  /** Every HTTP route and filter, as the router holds them (for the security tests). */
  List<ParsedEndpoint> endpoints() {
    return app.unsafe.internalRouter.allHttpHandlers();
  }

  /**
   * Waits until the public site reflects every change made so far (tests and the benchmark: a
   * request never waits for it).
   *
   * @throws IllegalStateException when it does not within {@code limit}
   */
  void awaitSite(java.time.Duration limit) {
    try {
      if (!site.awaitCurrent(limit)) {
        throw new IllegalStateException("the public site was not rendered within " + limit);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the public site", e);
    }
  }

  @Override
  public void close() {
    app.stop();
    site.close();
  }
}
