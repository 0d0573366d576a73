package dev.pulse.desk;

import dev.pulse.store.ItemFailure;
import dev.pulse.store.RunLog;
import dev.pulse.store.RunRecord;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Run history, Run now, Rerun of one URL, Retry of a run's failed items, and their progress. */
final class RunRoutes {

  private final RunControl control;
  private final RunLog entries;
  private final DeskTemplates templates;
  private final Format format;

  RunRoutes(RunControl control, RunLog entries, DeskTemplates templates, Format format) {
    this.control = control;
    this.entries = entries;
    this.templates = templates;
    this.format = format;
  }

  void list(Context ctx) {
    ctx.html(templates.render("runs", page(ctx, "Runs", null)));
  }

  void show(Context ctx) {
    long id = runId(ctx);
    RunRecord run =
        entries.runs().stream()
            .filter(r -> r.id() == id)
            .findFirst()
            .orElseThrow(() -> new NotFoundResponse("no such run"));
    Map<String, @Nullable Object> view = page(ctx, "Run " + id, null);
    view.put("run", run(run));
    List<Map<String, Object>> failures = entries.failures(id).stream().map(this::failure).toList();
    view.put("failures", failures);
    view.put("hasFailures", !failures.isEmpty());
    ctx.html(templates.render("run", view));
  }

  void runNow(Context ctx) {
    act(ctx, () -> control.runNow(Security.session(ctx).user));
  }

  void rerun(Context ctx) {
    String url = ctx.formParam("url");
    if (url == null || !url.matches("(?i)https?://\\S+")) {
      throw new BadRequestResponse("an http(s) URL is needed");
    }
    act(ctx, () -> control.rerun(url, Security.session(ctx).user));
  }

  void retry(Context ctx) {
    long id = runId(ctx);
    act(ctx, () -> control.retryFailed(id, Security.session(ctx).user));
  }

  private void act(Context ctx, Runnable action) {
    try {
      action.run();
      ctx.redirect("/desk/runs?started=1", HttpStatus.SEE_OTHER);
    } catch (RunControl.Refused e) {
      ctx.status(HttpStatus.CONFLICT)
          .html(templates.render("runs", page(ctx, "Runs", e.getMessage())));
    }
  }

  private Map<String, @Nullable Object> page(Context ctx, String title, @Nullable String refused) {
    Map<String, @Nullable Object> view = Page.of(Security.session(ctx), title);
    view.put("refused", refused);
    view.put("started", ctx.queryParam("started") != null && refused == null);
    control
        .busy()
        .ifPresent(
            b -> {
              view.put("busy", b);
              view.put("refresh", true);
            });
    control.progress().ifPresent(p -> view.put("progress", p));
    view.put("runs", entries.runs().stream().limit(100).map(this::run).toList());
    return view;
  }

  private Map<String, Object> run(RunRecord r) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("command", r.command());
    m.put("started", format.time(r.startedAt()));
    m.put("finished", r.finishedAt() == null ? "—" : format.time(r.finishedAt()));
    m.put("status", r.status());
    m.put("analyzer", r.analyzer());
    m.put(
        "counts",
        r.counts().entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getKey() + " " + e.getValue())
            .reduce((a, b) -> a + " · " + b)
            .orElse(""));
    m.put("failed", r.counts().getOrDefault("failed", 0));
    m.put("hasFailed", r.counts().getOrDefault("failed", 0) > 0);
    return m;
  }

  private Map<String, Object> failure(ItemFailure f) {
    Map<String, Object> m = new HashMap<>();
    m.put("url", f.url());
    m.put("stage", f.stage());
    m.put("reason", f.reason());
    m.put("message", f.message());
    return m;
  }

  private static long runId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("no such run");
    }
  }
}
