package dev.pulse.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Copies of the demo's article pages kept inside the demo site, as the stand-in for publishers that
 * exist only while {@code pulse demo} runs: "Read the original" then still leads somewhere once the
 * demo server is gone. Each copy keeps the article and its page furniture, loses its scripts,
 * stylesheets and forms, links to the other copies and its own images, and turns every other link
 * (the fictional outlet's sections, tags, ads) into plain text, so no link in the site is dead.
 */
public final class DemoOriginals {

  /** The folder, under the site, that holds the copies. */
  public static final String FOLDER = "originals";

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; "
          + "form-action 'none'";

  private DemoOriginals() {}

  /**
   * Writes a copy of each demo article among {@code urls} into {@code site/originals/}, with the
   * images they show, and returns URL → site-relative path of its copy. URLs that are not a demo
   * article page (another host's, or a file {@code data} does not have) are left out.
   *
   * @param data the demo folder ({@code data/demo})
   * @param publications URL → name of the publication, for the copy's banner
   */
  public static Map<String, String> write(Path data, Path site, Map<String, String> publications)
      throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Path articles = data.resolve("articles");
    Path dir = site.resolve(FOLDER);
    Set<String> images = new TreeSet<>();
    Map<String, String> files = new LinkedHashMap<>();
    for (String url : publications.keySet()) {
      String file = articleFile(url);
      if (file != null && Files.isRegularFile(articles.resolve(file))) {
        files.put(url, file);
      }
    }
    Set<String> copied = Set.copyOf(files.values());
    for (Map.Entry<String, String> e : publications.entrySet()) {
      String file = files.get(e.getKey());
      if (file == null) {
        continue;
      }
      String html = Files.readString(articles.resolve(file), StandardCharsets.UTF_8);
      Document copy =
          standIn(
              html,
              file,
              e.getValue(),
              copied::contains,
              img -> Files.isRegularFile(data.resolve("images").resolve(img)));
      copy.select("img[src]")
          .forEach(img -> images.add(img.attr("src").substring("images/".length())));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(file), copy.outerHtml(), StandardCharsets.UTF_8);
      out.put(e.getKey(), FOLDER + "/" + file);
    }
    for (String img : images) {
      Files.createDirectories(dir.resolve("images"));
      Files.copy(
          data.resolve("images").resolve(img),
          dir.resolve("images").resolve(img),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return out;
  }

  /** The file name of a demo article URL ({@code http://127.0.0.1:PORT/articles/NAME.html}). */
  static @Nullable String articleFile(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!(host.equals("127.0.0.1") || host.equals("localhost")) || !path.startsWith("/articles/")) {
      return null;
    }
    String file = path.substring("/articles/".length());
    return file.matches("[A-Za-z0-9._-]+\\.html") && !file.startsWith(".") ? file : null;
  }

  /**
   * The copy of one page: links to other articles that have copies and images that exist become
   * relative, other links and sources are dropped, scripts, stylesheets, frames and form actions
   * removed, and a banner says what the page is.
   */
  static Document standIn(
      String html,
      String file,
      String publication,
      java.util.function.Predicate<String> articleExists,
      java.util.function.Predicate<String> imageExists) {
    URI base = URI.create("http://demo.invalid/articles/" + file);
    Document doc = Jsoup.parse(html, base.toString());
    doc.select("script, link, iframe, object, embed, base, meta[http-equiv]").remove();
    doc.select("form").removeAttr("action");
    for (Element a : doc.select("[href]")) {
      String href = a.attr("href").strip();
      if (href.startsWith("#")) {
        continue;
      }
      String target = local(base, href, "/articles/");
      if (target != null && articleExists.test(target)) {
        a.attr("href", target);
      } else {
        a.removeAttr("href");
      }
    }
    for (Element img : doc.select("[src]")) {
      String target = local(base, img.attr("src").strip(), "/images/");
      if (img.tagName().equals("img") && target != null && imageExists.test(target)) {
        img.attr("src", "images/" + target);
      } else {
        img.remove();
      }
    }
    doc.select("[srcset]").removeAttr("srcset");
    doc.select("[poster]").removeAttr("poster");
    doc.head()
        .prependElement("meta")
        .attr("http-equiv", "Content-Security-Policy")
        .attr("content", CSP);
    doc.head().appendElement("meta").attr("name", "robots").attr("content", "noindex");
    Element banner = doc.body().prependElement("p");
    banner.attr(
        "style",
        "margin:0;padding:0.6rem 1rem;background:#1b1b1f;color:#fff;"
            + "font:0.95rem/1.4 system-ui,sans-serif");
    banner.appendText(
        "Pulse demo: a copy of a fictional article from "
            + publication
            + ", kept in the demo site as the stand-in for the publisher's page. ");
    banner
        .appendElement("a")
        .attr("href", "../index.html")
        .attr("style", "color:#fff")
        .text("Back to the demo site");
    return doc;
  }

  /** The file name under {@code folder} a link points to on the demo server, or null. */
  private static @Nullable String local(URI base, String ref, String folder) {
    URI target;
    try {
      target = base.resolve(ref.replace(" ", "%20"));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!"demo.invalid".equals(target.getHost())
        || target.getPath() == null
        || !target.getPath().startsWith(folder)) {
      return null;
    }
    String name = target.getPath().substring(folder.length());
    return name.matches("[A-Za-z0-9._-]+") && !name.startsWith(".") ? name : null;
  }
}
