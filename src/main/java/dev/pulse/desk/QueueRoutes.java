package dev.pulse.desk;

import dev.pulse.analyze.Sentiment;
import dev.pulse.editorial.EditorialStore;
import dev.pulse.editorial.QueuePage;
import dev.pulse.editorial.QueueQuery;
import dev.pulse.editorial.QueueRow;
import dev.pulse.editorial.ReviewState;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The review queue: filters, pages, and approve / reject. */
final class QueueRoutes {

  static final int PAGE_SIZE = 50;

  private final EditorialStore editorial;
  private final List<String> categories;
  private final DeskTemplates templates;
  private final Format format;
  private final PublicSite site;

  QueueRoutes(
      EditorialStore editorial,
      List<String> categories,
      DeskTemplates templates,
      Format format,
      PublicSite site) {
    this.editorial = editorial;
    this.categories = categories;
    this.templates = templates;
    this.format = format;
    this.site = site;
  }

  void queue(Context ctx) {
    String state = param(ctx, "state", "new");
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("source", param(ctx, "source", ""));
    filters.put("category", param(ctx, "category", ""));
    filters.put("sentiment", param(ctx, "sentiment", ""));
    filters.put("state", state);
    filters.put("flags", param(ctx, "flags", ""));
    filters.put("sort", param(ctx, "sort", "newest"));
    int page = pageNumber(ctx.queryParam("page"));
    QueuePage result =
        editorial.queue(
            new QueueQuery(
                blankToNull(filters.get("source")),
                blankToNull(filters.get("category")),
                blankToNull(filters.get("sentiment")),
                state.equals("all") ? null : parseState(state),
                blankToNull(filters.get("flags")),
                filters.get("sort"),
                page,
                PAGE_SIZE));
    Map<String, @Nullable Object> view = Page.of(Security.session(ctx), "Review queue");
    view.put("rows", result.rows().stream().map(this::row).toList());
    view.put("total", result.total());
    view.put("empty", result.rows().isEmpty());
    view.put("pageText", "Page " + result.page() + " of " + result.pages());
    String query = query(filters);
    view.put("back", "/desk?" + query + "&page=" + result.page());
    if (result.page() > 1) {
      view.put("prev", "/desk?" + query + "&page=" + (result.page() - 1));
    }
    if (result.page() < result.pages()) {
      view.put("next", "/desk?" + query + "&page=" + (result.page() + 1));
    }
    view.put("sources", options(editorial.sources(), filters.get("source")));
    view.put("categories", options(categories, filters.get("category")));
    view.put(
        "sentiments",
        options(
            Arrays.stream(Sentiment.values()).map(Sentiment::label).toList(),
            filters.get("sentiment")));
    view.put("states", options(List.of("new", "approved", "rejected", "all"), state));
    view.put("flagOptions", options(List.of("flagged", "none"), filters.get("flags")));
    view.put("sorts", options(List.of("newest", "votes", "helpful"), filters.get("sort")));
    ctx.html(templates.render("queue", view));
  }

  void review(Context ctx) {
    String id = EntryRoutes.entryId(ctx);
    ReviewState state = parseState(param(ctx.formParam("state"), ""));
    Session s = Security.session(ctx);
    editorial.setReviewState(id, state, s.user);
    site.invalidate();
    ctx.redirect(safeBack(ctx.formParam("back")), HttpStatus.SEE_OTHER);
  }

  private Map<String, Object> row(QueueRow r) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("title", r.title().isBlank() ? "(untitled)" : r.title());
    m.put("source", r.source());
    m.put("published", format.time(r.published()));
    m.put("category", r.category());
    m.put("categoryChanged", !r.category().equals(r.aiCategory()));
    m.put("aiCategory", r.aiCategory());
    m.put("sentiment", r.sentiment());
    m.put("sentimentChanged", !r.sentiment().equals(r.aiSentiment()));
    m.put("aiSentiment", r.aiSentiment());
    m.put("state", r.state().label());
    m.put("corrected", r.corrected());
    m.put("flags", r.flags());
    m.put("yes", r.yes());
    m.put("no", r.no());
    m.put("notApproved", r.state() != ReviewState.APPROVED);
    m.put("notRejected", r.state() != ReviewState.REJECTED);
    return m;
  }

  static List<Map<String, Object>> options(List<String> values, String selected) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String v : values) {
      out.add(Map.of("value", v, "selected", v.equals(selected)));
    }
    return out;
  }

  private static String query(Map<String, String> filters) {
    StringBuilder b = new StringBuilder();
    filters.forEach(
        (k, v) -> {
          if (!b.isEmpty()) {
            b.append('&');
          }
          b.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return b.toString();
  }

  static ReviewState parseState(String s) {
    try {
      return ReviewState.parse(s);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  private static int pageNumber(@Nullable String s) {
    try {
      return s == null ? 1 : Math.max(1, Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** Back to a desk page of this site only. */
  static String safeBack(String back) {
    return AuthRoutes.safeNext(back);
  }

  private static String param(Context ctx, String name, String fallback) {
    return param(ctx.queryParam(name), fallback);
  }

  private static String param(@Nullable String v, String fallback) {
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
