package dev.pulse.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Finds the article body in a parsed page: strips page furniture, scores text blocks
 * (Readability-style: text length, commas, link density, class and id cues), picks the best
 * container and its related siblings, cleans boilerplate inside them, and renders plain text.
 * Mutates the element it is given.
 */
final class BodyExtractor {

  private static final Set<String> JUNK_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "canvas",
          "iframe",
          "object",
          "embed",
          "button",
          "input",
          "select",
          "textarea",
          "nav",
          "footer",
          "link",
          "meta",
          "audio",
          "video",
          "source",
          "map",
          "dialog",
          "figcaption",
          "label",
          "math");

  private static final Set<String> ALWAYS_KEPT = Set.of("html", "body", "article", "main");

  private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote");

  private static final Set<String> INLINE_TAGS =
      Set.of(
          "a", "span", "em", "strong", "b", "i", "u", "s", "small", "sup", "sub", "abbr", "mark",
          "cite", "q", "code", "time", "font", "del", "ins", "kbd", "var", "dfn", "bdi", "bdo");

  private static final Set<String> LEAF_CONTAINERS = Set.of("div", "section", "article", "main");

  static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？]['\"”’»)]?(\\s|$)");

  /** An account handle, as embedded posts sign off: "— Name (@name)". */
  private static final Pattern HANDLE = Pattern.compile("(^|[\\s(])@\\w{2,}");

  private static final Evaluator ARTICLE_MARKERS =
      QueryParser.parse("article, [itemprop=articleBody]");

  private BodyExtractor() {}

  /**
   * @param root the page body; mutated
   * @param stripUnlikely whether to drop blocks whose class or id marks them as furniture
   * @return the article text, or "" when nothing looks like an article
   */
  static String extract(Element root, boolean stripUnlikely) {
    strip(root, stripUnlikely);
    return extractStripped(root, false);
  }

  /**
   * The fallback when {@link #extract} found no article: list items score as paragraphs (posts
   * written entirely as lists), and failing that the largest {@code <article>} or {@code <main>} is
   * taken whole. Scoring list items on every pass would cost precision (link lists, menus).
   */
  static String extractFromListsOrLandmarks(Element root) {
    strip(root, true);
    String text = extractStripped(root, true);
    if (!text.isEmpty()) {
      return text;
    }
    Element largest = null;
    int most = 0;
    for (Element e : root.select("article, main")) {
      int chars = e.text().length();
      if (chars > most) {
        most = chars;
        largest = e;
      }
    }
    return largest == null ? "" : TextRenderer.render(largest);
  }

  private static String extractStripped(Element root, boolean listItems) {
    BlockStats stats = BlockStats.compute(root);
    Map<Element, Double> scores = score(root, stats, listItems);
    Element top = pickTop(root, scores, stats);
    if (top == null) {
      return "";
    }
    List<Element> parts = withContinuations(top, withSiblings(top, scores, stats), scores);
    parts = inDocumentOrder(root, parts);
    StringBuilder text = new StringBuilder();
    for (Element part : parts) {
      BlockCleaner.clean(part, stats, scores);
      String t = TextRenderer.render(part);
      if (!t.isEmpty()) {
        if (text.length() > 0) {
          text.append("\n\n");
        }
        text.append(t);
      }
    }
    return TextRenderer.normalise(text.toString());
  }

  // ---------------------------------------------------------------- stripping

  static void strip(Element root, boolean stripUnlikely) {
    List<Element> headings = new ArrayList<>(); // what is kept, for the story-card check
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Comment) {
              return FilterResult.REMOVE;
            }
            if (!(node instanceof Element e) || e == root) {
              return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (JUNK_TAGS.contains(tag) || Signals.isHidden(e)) {
              return FilterResult.REMOVE;
            }
            if ((tag.equals("header") || tag.equals("figure"))
                && e.getElementsByTag("p").size() < 3
                && !holdsEmbeddedPost(e)) {
              return FilterResult.REMOVE; // a headline block or an image with its caption
            }
            if (stripUnlikely
                && !ALWAYS_KEPT.contains(tag)
                && Signals.isUnlikely(e)
                && e.selectFirst(ARTICLE_MARKERS) == null
                && !looksLikeProse(e)
                && !holdsEmbeddedPost(e)) {
              // Words of a sentence: a class cue on a link or span must not cut the sentence
              // (text styled away for screen readers still goes).
              boolean words = inRunningText(e) && !Signals.isVisuallyHidden(e);
              return words ? FilterResult.CONTINUE : FilterResult.REMOVE;
            }
            if (tag.length() == 2
                && tag.charAt(0) == 'h'
                && tag.charAt(1) >= '1'
                && tag.charAt(1) <= '6') {
              headings.add(e);
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        root);
    StoryCards.remove(root, headings);
  }

  /**
   * An inline element (or one nested up to three inline levels deep) with words of a sentence right
   * beside it. Only the adjacent nodes are looked at: constant work per element, whatever the page.
   */
  private static boolean inRunningText(Element e) {
    Element el = e;
    for (int level = 0; level < 3 && el != null && INLINE_TAGS.contains(el.normalName()); level++) {
      if (hasWords(el.previousSibling()) || hasWords(el.nextSibling())) {
        return true;
      }
      el = el.parent();
    }
    return false;
  }

  private static boolean hasWords(@Nullable Node n) {
    if (!(n instanceof TextNode t)) {
      return false;
    }
    String text = t.getWholeText();
    int visible = 0;
    for (int i = 0; i < text.length() && visible < 2; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        visible++;
      }
    }
    return visible >= 2;
  }

  /**
   * A post from elsewhere quoted in the body (a tweet or toot embedded as a blockquote that links
   * back to it): part of the story, though its wrapper is often a figure or carries a "social"
   * class. Pull quotes repeat the article and are left to the other rules.
   */
  static boolean holdsEmbeddedPost(Element e) {
    Element quote = e.normalName().equals("blockquote") ? e : e.selectFirst("blockquote");
    String cues = Signals.classAndId(e);
    if (quote == null || cues.contains("pull") || cues.contains("comment")) {
      return false;
    }
    String quoted = quote.text();
    return quoted.length() >= 60
        && quoted.length() * 10 >= e.text().length() * 6
        && (quote.selectFirst("a[href^=http]") != null || HANDLE.matcher(quoted).find());
  }

  /**
   * Many long, plain paragraphs: the article itself under a misleading class, which scoring should
   * judge rather than a class cue. Comment threads are the exception: they look like prose too.
   */
  private static boolean looksLikeProse(Element e) {
    if (Signals.classAndId(e).contains("comment")) {
      return false;
    }
    int prose = 0;
    for (Element p : e.getElementsByTag("p")) {
      if (p.getElementsByTag("a").isEmpty() && p.text().length() >= 120) {
        prose++;
        if (prose >= 5) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- scoring

  static Map<Element, Double> score(Element root, BlockStats stats, boolean listItems) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element e : root.getAllElements()) {
      BlockStats.Counts c = stats.of(e);
      if (isParagraphLike(e, stats) || (listItems && e.normalName().equals("li"))) {
        if (c.chars >= 25) {
          credit(e.parent(), 1 + c.commas + Math.min(c.chars / 100, 3), scores);
        }
      } else if (c.inlineChars >= 25 && LEAF_CONTAINERS.contains(e.normalName())) {
        // Loose text between blocks (text and <br>s in a div) counts as a paragraph of its own.
        credit(e, 1 + c.inlineCommas + Math.min(c.inlineChars / 100, 3), scores);
      }
    }
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      double ld = stats.of(entry.getKey()).linkDensity();
      entry.setValue(entry.getValue() * (1 - ld));
    }
    return scores;
  }

  /** Adds a paragraph's score to its container and, diminishing, to four more ancestors. */
  private static void credit(Element container, double contentScore, Map<Element, Double> scores) {
    Element ancestor = container;
    for (int level = 0; ancestor != null && level < 5; level++) {
      if (ancestor.parent() == null) {
        break;
      }
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      Double current = scores.get(ancestor);
      double base = current == null ? initialScore(ancestor) : current;
      scores.put(ancestor, base + contentScore / divider);
      ancestor = ancestor.parent();
    }
  }

  private static boolean isParagraphLike(Element e, BlockStats stats) {
    String tag = e.normalName();
    if (PARAGRAPH_TAGS.contains(tag)) {
      return true;
    }
    return LEAF_CONTAINERS.contains(tag) && stats.of(e).blockChildren == 0;
  }

  private static double initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    if (e.attr("itemprop").toLowerCase(Locale.ROOT).contains("articlebody")) {
      s += 50;
    }
    return s + Signals.classWeight(e);
  }

  // ---------------------------------------------------------------- picking

  static @Nullable Element pickTop(Element root, Map<Element, Double> scores, BlockStats stats) {
    if (scores.isEmpty()) {
      return null;
    }
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>(scores.entrySet());
    ranked.sort(Map.Entry.<Element, Double>comparingByValue(Comparator.reverseOrder()));
    Element top = ranked.get(0).getKey();
    double topScore = ranked.get(0).getValue();

    // Several near-best candidates under one ancestor: the ancestor holds the article.
    List<Element> alternatives = new ArrayList<>();
    for (int i = 1; i < Math.min(5, ranked.size()); i++) {
      Element alt = ranked.get(i).getKey();
      // An ancestor or descendant of the top is the same content, not a separate block of it.
      if (ranked.get(i).getValue() / topScore >= 0.75
          && !isAncestor(alt, top)
          && !isAncestor(top, alt)) {
        alternatives.add(alt);
      }
    }
    if (alternatives.size() >= 3) {
      Element parent = top.parent();
      while (parent != null && parent != root) {
        int contained = 0;
        for (Element alt : alternatives) {
          if (isAncestor(parent, alt)) {
            contained++;
          }
        }
        if (contained >= 3) {
          top = parent;
          break;
        }
        parent = parent.parent();
      }
    }

    // Climb while a parent scores about as well: the article spans its children.
    double lastScore = scores.getOrDefault(top, 0.0);
    double threshold = lastScore / 3;
    Element parent = top.parent();
    while (parent != null && parent != root) {
      Double ps = scores.get(parent);
      if (ps == null) {
        parent = parent.parent();
        continue;
      }
      if (ps < threshold) {
        break;
      }
      if (ps > lastScore) {
        top = parent;
        break;
      }
      lastScore = ps;
      parent = parent.parent();
    }

    while (top.parent() != null && top.parent() != root && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static List<Element> withSiblings(
      Element top, Map<Element, Double> scores, BlockStats stats) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double topScore = scores.getOrDefault(top, 0.0);
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    List<Element> parts = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        parts.add(sibling);
        continue;
      }
      boolean sameClass = !topClass.isEmpty() && topClass.equals(sibling.className());
      double bonus = sameClass ? topScore * 0.2 : 0;
      Double s = scores.get(sibling);
      if (s != null && s + bonus >= threshold) {
        parts.add(sibling);
        continue;
      }
      if (isParagraphLike(sibling, stats) || sibling.normalName().equals("p")) {
        BlockStats.Counts c = stats.of(sibling);
        double ld = c.linkDensity();
        if (c.chars > 80 && ld < 0.25) {
          parts.add(sibling);
        } else if (c.chars > 0
            && c.chars <= 80
            && ld == 0
            && SENTENCE_END.matcher(sibling.text()).find()) {
          parts.add(sibling);
        }
      }
    }
    return parts;
  }

  /**
   * Adds blocks that continue the article in another container of the same kind: pages that split
   * the body into chunks (around ads or inline promos) repeat the body's tag and class, or its
   * first class with a modifier ({@code text text--continued}).
   */
  private static List<Element> withContinuations(
      Element top, List<Element> parts, Map<Element, Double> scores) {
    String cls = top.className();
    // Without a class to compare, the same path of tags from the root has to do, with a higher bar.
    String path = cls.isEmpty() ? tagPath(top) : null;
    String firstClass = firstClass(cls);
    double bar = (cls.isEmpty() ? 0.5 : 0.25) * scores.getOrDefault(top, 0.0);
    List<Element> all = new ArrayList<>(parts);
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      Element e = entry.getKey();
      if (entry.getValue() < bar || !e.normalName().equals(top.normalName())) {
        continue;
      }
      String other = e.className();
      boolean same =
          cls.isEmpty()
              ? path.equals(tagPath(e))
              : other.equals(cls)
                  || e.classNames().contains(firstClass)
                  || top.classNames().contains(firstClass(other));
      if (!same) {
        continue;
      }
      boolean overlaps = false;
      for (Element p : all) {
        if (p == e || isAncestor(p, e) || isAncestor(e, p)) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        all.add(e);
      }
    }
    return all;
  }

  private static String firstClass(String cls) {
    String c = cls.strip();
    int space = c.indexOf(' ');
    return space < 0 ? c : c.substring(0, space);
  }

  private static String tagPath(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Element p = e; p != null; p = p.parent()) {
      sb.append(p.normalName()).append('<');
    }
    return sb.toString();
  }

  private static List<Element> inDocumentOrder(Element root, List<Element> parts) {
    if (parts.size() < 2) {
      return parts;
    }
    Set<Element> wanted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    wanted.addAll(parts);
    List<Element> ordered = new ArrayList<>(parts.size());
    for (Element e : root.getAllElements()) {
      if (wanted.contains(e)) {
        ordered.add(e);
      }
    }
    return ordered;
  }
}
