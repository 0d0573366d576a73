package dev.pulse.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the article body and metadata of a news page with jsoup and general rules only: content
 * scoring, link density, class and id cues, structural cues and the page's own schema.org
 * declarations. No per-site selectors. A page with no article yields empty text, and one nested too
 * deeply for the stack yields what the other steps found; any exception is a bug and propagates
 * (the run records it as {@code internal-error}, never as a page without an article).
 */
public final class JsoupArticleExtractor implements ArticleExtractor {

  private static final Logger LOG = LoggerFactory.getLogger(JsoupArticleExtractor.class);

  /** Pages beyond this many characters are cut: the article is near the top of any real page. */
  static final int MAX_CHARS = 8_000_000;

  /** Nesting deeper than this is flattened by the parser, keeping every step iterative and fast. */
  private static final int MAX_DEPTH = 256;

  /** Below this many characters there is no article on the page. */
  private static final int MIN_ARTICLE_CHARS = 80;

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /** A declared articleBody shorter than this is a teaser, not a safety net. */
  private static final int MIN_DECLARED_BODY = 500;

  /** Below this many characters a result is retried without removing "unlikely" blocks. */
  private static final int RETRY_BELOW = 400;

  @Override
  public ExtractedArticle extract(@Nullable String html, @Nullable String url) {
    String page = html == null ? "" : html;
    if (page.length() > MAX_CHARS) {
      page = page.substring(0, MAX_CHARS);
    }
    page = HtmlPrefilter.strip(page);
    Document doc = parse(page, url);
    ExtractedArticle meta = readMetadata(doc, url);
    return meta.withText(body(doc, page, url, meta));
  }

  @Override
  public String version() {
    return "jsoup-extractor/3";
  }

  private static Document parse(String html, @Nullable String url) {
    Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
    return parser.parseInput(html, url == null ? "" : url);
  }

  /** The page's metadata, its declared body as the text (see {@link MetadataReader#read}). */
  private static ExtractedArticle readMetadata(Document doc, @Nullable String url) {
    try {
      return MetadataReader.read(doc, url);
    } catch (StackOverflowError e) {
      LOG.warn("metadata of {} nested too deeply to read: {}", url, e.toString());
      return ExtractedArticle.empty(url);
    }
  }

  private static String body(
      Document doc, String html, @Nullable String url, ExtractedArticle meta) {
    try {
      String text = bodyOf(doc, true);
      if (text.length() < RETRY_BELOW) {
        String relaxed = bodyOf(parse(html, url), false);
        if (relaxed.length() > text.length() * 2) {
          text = relaxed;
        }
      }
      text = orDeclaredBody(text, meta.text());
      text = LineFilter.filter(text, meta.title(), meta.byline());
      if (isTooShort(text)) {
        // Never empty when the page has prose: a post written as a list, or a landmark's text.
        text =
            LineFilter.filter(
                BodyExtractor.extractFromListsOrLandmarks(parse(html, url).body()),
                meta.title(),
                meta.byline());
      }
      // A line or two (a 404 notice, a teaser) is not an article.
      return isTooShort(text) ? "" : text;
    } catch (StackOverflowError e) {
      // A page nested deeper than the stack (the parser caps depth; a hostile page can still
      // try): no article can be read from it. Any other exception is a bug and propagates.
      LOG.warn("could not extract the body of {}: nested too deeply", url);
      return "";
    }
  }

  private static boolean isTooShort(String text) {
    return text.codePointCount(0, text.length()) < MIN_ARTICLE_CHARS;
  }

  /**
   * The page's own schema.org articleBody when the DOM gave much less than it declares, or other
   * words altogether (the wrong block won): the DOM usually renders better (paragraphs, no teaser
   * cuts), so the declaration is only a safety net.
   */
  private static String orDeclaredBody(String text, @Nullable String declared) {
    if (declared == null || declared.length() < MIN_DECLARED_BODY) {
      return text;
    }
    String d = declared.indexOf('&') >= 0 ? Parser.unescapeEntities(declared, false) : declared;
    String body =
        d.indexOf('<') >= 0
            ? TextRenderer.render(Parser.parseBodyFragment(d, "").body())
            : TextRenderer.normalise(d.replaceAll("\\s*\\n\\s*", "\n\n"));
    if (text.length() * 2 < body.length() || coverage(text, body) < 0.5) {
      return body;
    }
    return text;
  }

  /** Share of the distinct words of {@code reference} that also occur in {@code text}. */
  static double coverage(String text, String reference) {
    Set<String> ref = words(reference);
    if (ref.isEmpty()) {
      return 1;
    }
    Set<String> have = words(text);
    int hit = 0;
    for (String w : ref) {
      if (have.contains(w)) {
        hit++;
      }
    }
    return (double) hit / ref.size();
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  private static String bodyOf(Document doc, boolean stripUnlikely) {
    Element body = doc.body();
    return body == null ? "" : BodyExtractor.extract(body, stripUnlikely);
  }
}
