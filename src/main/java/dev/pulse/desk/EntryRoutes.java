package dev.pulse.desk;

import dev.pulse.analyze.Sentiment;
import dev.pulse.editorial.AuditRecord;
import dev.pulse.editorial.Correction;
import dev.pulse.editorial.Edit;
import dev.pulse.editorial.EditLock;
import dev.pulse.editorial.EditorialStore;
import dev.pulse.editorial.SaveResult;
import dev.pulse.store.Entry;
import dev.pulse.store.EntryStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry on the desk: the analyzer's output beside what readers see, the edit form under a soft
 * lock, the audit trail. A save carries the version it was based on and is refused, with the other
 * change shown and nothing lost, when another save came first.
 */
final class EntryRoutes {

  static final int MAX_SUMMARY = 2_000;
  static final int MAX_NOTE = 1_000;
  static final int MAX_TOPICS = 5;

  private final EditorialStore editorial;
  private final dev.pulse.editorial.VoteStore votes;
  private final EntryStore entries;
  private final List<String> categories;
  private final DeskTemplates templates;
  private final Format format;
  private final PublicSite site;
  private final Duration lockInactivity;

  EntryRoutes(
      EditorialStore editorial,
      dev.pulse.editorial.VoteStore votes,
      EntryStore entries,
      List<String> categories,
      DeskTemplates templates,
      Format format,
      PublicSite site,
      Duration lockInactivity) {
    this.editorial = editorial;
    this.votes = votes;
    this.entries = entries;
    this.categories = categories;
    this.templates = templates;
    this.format = format;
    this.site = site;
    this.lockInactivity = lockInactivity;
  }

  void show(Context ctx) {
    Entry ai = entry(ctx);
    Session s = Security.session(ctx);
    EditLock lock = editorial.lock(ai.id(), s.user, lockInactivity);
    Optional<Correction> c = editorial.correction(ai.id());
    Edit shown = shown(ai, c.orElse(null));
    Map<String, Object> view = view(s, ai, c, lock);
    form(view, shown, c.map(Correction::version).orElse(0L));
    view.put("saved", ctx.queryParam("saved") != null);
    ctx.html(templates.render("entry", view));
  }

  void save(Context ctx) {
    Entry ai = entry(ctx);
    Session s = Security.session(ctx);
    long base = version(ctx.formParam("version"));
    Edit edit = edit(ctx);
    SaveResult r = editorial.save(ai.id(), base, edit, aiEdit(ai), s.user);
    if (r.saved()) {
      site.invalidate();
      ctx.redirect("/desk/entries/" + ai.id() + "?saved=1", HttpStatus.SEE_OTHER);
      return;
    }
    // refused: show the other change, and keep this editor's values in the form, based on the
    // version now in force, so a second save is a deliberate choice and nothing is lost
    Optional<Correction> c = editorial.correction(ai.id());
    EditLock lock = editorial.lock(ai.id(), s.user, lockInactivity);
    Map<String, Object> view = view(s, ai, c, lock);
    view.put("conflict", true);
    view.put("newer", r.newer().stream().map(this::audit).toList());
    form(view, edit, r.version());
    ctx.status(HttpStatus.CONFLICT).html(templates.render("entry", view));
  }

  void cancel(Context ctx) {
    String id = entryId(ctx);
    editorial.unlock(id, Security.session(ctx).user, Security.session(ctx).user);
    ctx.redirect("/desk", HttpStatus.SEE_OTHER);
  }

  void breakLock(Context ctx) {
    String id = entryId(ctx);
    editorial.unlock(id, null, Security.session(ctx).user);
    site.invalidate();
    ctx.redirect("/desk/entries/" + id, HttpStatus.SEE_OTHER);
  }

  private Map<String, Object> view(Session s, Entry ai, Optional<Correction> c, EditLock lock) {
    Map<String, @Nullable Object> view = Page.of(s, ai.title().isBlank() ? "Entry" : ai.title());
    view.put("id", ai.id());
    view.put("url", ai.url());
    view.put("entryTitle", ai.title());
    view.put("source", ai.source());
    view.put("published", ai.published() == null ? "" : format.time(ai.published().toInstant()));
    view.put("state", editorial.reviewState(ai.id()).label());
    view.put("flags", ai.flags()); // the faithfulness check's unsupported claims: desk only
    view.put("flagged", ai.flagged());
    view.put("back", "/desk/entries/" + ai.id());
    int[] counts = votes.counts(ai.id());
    view.put("yes", counts[0]);
    view.put("no", counts[1]);
    Edit shown = shown(ai, c.orElse(null));
    view.put(
        "fields",
        List.of(
            field("Summary", ai.summary(), shown.summary()),
            field("Editor's note", nullToEmpty(ai.editorsNote()), nullToEmpty(shown.editorsNote())),
            field("Sentiment", ai.sentiment().label(), shown.sentiment().label()),
            field("Category", ai.category(), shown.category()),
            field("Topics", String.join(", ", ai.topics()), String.join(", ", shown.topics()))));
    view.put(
        "analyzer",
        ai.provenance().analyzer()
            + " · "
            + ai.provenance().model()
            + " · "
            + ai.provenance().analysisVersion()
            + " · "
            + format.time(ai.provenance().analyzedAt()));
    c.ifPresent(x -> view.put("correctedBy", x.updatedBy() + ", " + format.time(x.updatedAt())));
    if (!lock.holder().equals(s.user)) {
      view.put("lockedBy", lock.holder());
      view.put("lockedSince", format.time(lock.since()));
    }
    view.put("audit", editorial.audit(ai.id()).stream().map(this::audit).toList());
    return view;
  }

  private void form(Map<String, Object> view, Edit values, long version) {
    view.put("version", version);
    view.put("summary", values.summary());
    view.put("editorsNote", nullToEmpty(values.editorsNote()));
    view.put("topics", String.join(", ", values.topics()));
    view.put(
        "sentimentOptions",
        QueueRoutes.options(
            Arrays.stream(Sentiment.values()).map(Sentiment::label).toList(),
            values.sentiment().label()));
    view.put("categoryOptions", QueueRoutes.options(categories, values.category()));
  }

  private static Map<String, Object> field(String name, String ai, String shown) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", name);
    m.put("ai", ai);
    m.put("shown", shown);
    m.put("changed", !ai.equals(shown));
    return m;
  }

  private Map<String, Object> audit(AuditRecord a) {
    Map<String, Object> m = new HashMap<>();
    m.put("actor", a.actor());
    m.put("at", format.time(a.at()));
    m.put("field", a.field().replace('_', ' '));
    m.put("old", a.oldValue() == null ? "—" : a.oldValue());
    m.put("new", a.newValue() == null ? "—" : a.newValue());
    return m;
  }

  /** The editor's submission, checked: a category from the taxonomy only, bounded lengths. */
  private Edit edit(Context ctx) {
    String summary = required(ctx.formParam("summary"), "summary").strip();
    if (summary.isEmpty() || summary.length() > MAX_SUMMARY) {
      throw new BadRequestResponse("the summary must have 1 to " + MAX_SUMMARY + " characters");
    }
    String note = nullToEmpty(ctx.formParam("editorsNote")).strip();
    if (note.length() > MAX_NOTE) {
      throw new BadRequestResponse("the editor's note is limited to " + MAX_NOTE + " characters");
    }
    String category = required(ctx.formParam("category"), "category");
    if (!categories.contains(category)) {
      throw new BadRequestResponse(
          "unknown category '" + category + "': choose one of the" + " taxonomy's");
    }
    Sentiment sentiment;
    try {
      sentiment = Sentiment.fromLabel(required(ctx.formParam("sentiment"), "sentiment"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("unknown sentiment");
    }
    List<String> topics =
        Arrays.stream(nullToEmpty(ctx.formParam("topics")).split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .distinct()
            .toList();
    if (topics.size() > MAX_TOPICS || topics.stream().anyMatch(t -> t.length() > 60)) {
      throw new BadRequestResponse("at most " + MAX_TOPICS + " topics of up to 60 characters");
    }
    return new Edit(summary, note.isEmpty() ? null : note, sentiment, category, topics);
  }

  static Edit aiEdit(Entry e) {
    return new Edit(e.summary(), e.editorsNote(), e.sentiment(), e.category(), e.topics());
  }

  private static Edit shown(Entry ai, @Nullable Correction c) {
    return aiEdit(c == null ? ai : c.applyTo(ai));
  }

  private Entry entry(Context ctx) {
    return entries.find(entryId(ctx)).orElseThrow(() -> new NotFoundResponse("no such entry"));
  }

  static String entryId(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{64}")) {
      throw new NotFoundResponse("no such entry");
    }
    return id;
  }

  private static long version(String s) {
    try {
      return Long.parseLong(required(s, "version"));
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("bad version");
    }
  }

  private static String required(@Nullable String v, String name) {
    if (v == null) {
      throw new BadRequestResponse("missing " + name);
    }
    return v;
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
