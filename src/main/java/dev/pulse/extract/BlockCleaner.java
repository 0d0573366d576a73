package dev.pulse.extract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Removes what sits inside the chosen article container without being article text: the
 * headline, link-heavy or image-heavy blocks (Readability's conditional cleaning), short link-only
 * paragraphs and a trailing list of other stories. Works from statistics taken before any removal.
 */
final class BlockCleaner {

  private static final Set<String> CONDITIONAL =
      Set.of(
          "form", "fieldset", "table", "ul", "ol", "dl", "div", "section", "figure", "header",
          "aside");

  private static final Evaluator LISTS = QueryParser.parse("ul, ol");

  private BlockCleaner() {}

  static void clean(Element part, BlockStats stats, Map<Element, Double> scores) {
    removeHeadline(part, stats);
    int partChars = stats.of(part).chars;
    List<Element> all = part.getAllElements();
    for (int i = all.size() - 1; i >= 1; i--) {
      Element e = all.get(i);
      BlockStats.Counts c = stats.of(e);
      if (c.chars * 2 > partChars && c.linkDensity() < 0.3) {
        continue; // most of the article: the cues below are for small blocks around it
      }
      if (CONDITIONAL.contains(e.normalName())
          && shouldRemove(e, stats, scores)
          // a quoted post is part of the story, whatever its wrapper's class says
          && !BodyExtractor.holdsEmbeddedPost(e)) {
        e.remove();
      } else if (isLinkBlock(e, stats)) {
        e.remove();
      }
    }
    for (int i = 0; i < 2 && dropTrailingLinkList(part, stats); i++) {
      // a second list may now be last
    }
  }

  /**
   * The headline: an {@code <h1>} before the first paragraph. One after it is an in-body heading
   * (docs and long-form posts use h1 for sections) and stays.
   */
  private static void removeHeadline(Element part, BlockStats stats) {
    for (Element e : part.getAllElements()) {
      String tag = e.normalName();
      if (tag.equals("h1")) {
        e.remove();
      } else if ((tag.equals("p") || tag.equals("li") || tag.equals("blockquote"))
          && stats.of(e).chars >= 50) {
        return;
      }
    }
  }

  /**
   * A list that ends the article and whose every item links elsewhere is "more stories", even
   * when each item has some plain text around its link. Drops it with a short heading before it.
   */
  private static boolean dropTrailingLinkList(Element part, BlockStats stats) {
    Elements lists = part.select(LISTS);
    if (lists.isEmpty()) {
      return false;
    }
    Element list = lists.last();
    Elements items = list.children();
    BlockStats.Counts c = stats.of(list);
    if (items.size() < 2
        || c.linkDensity() < 0.3
        || c.chars / items.size() > 150 // headlines, not paragraphs
        || textAfter(list, part, stats) > 100) {
      return false;
    }
    for (Element li : items) {
      if (li.getElementsByTag("a").isEmpty()) {
        return false;
      }
    }
    Element before = list.previousElementSibling();
    list.remove();
    if (before != null) {
      BlockStats.Counts h = stats.of(before);
      boolean sentence = BodyExtractor.SENTENCE_END.matcher(before.text()).find();
      if (h.chars > 0 && h.chars < 80 && !sentence) {
        before.remove();
      }
    }
    return true;
  }

  private static int textAfter(Element e, Element part, BlockStats stats) {
    int chars = 0;
    for (Element n = e; n != null && n != part; n = n.parent()) {
      for (Element sib = n.nextElementSibling(); sib != null; sib = sib.nextElementSibling()) {
        chars += stats.of(sib).chars;
      }
    }
    return chars;
  }

  /** A paragraph that is nothing but links: "Read more: ...", a teaser, a row of headlines. */
  private static boolean isLinkBlock(Element e, BlockStats stats) {
    if (!e.normalName().equals("p")) {
      return false;
    }
    BlockStats.Counts c = stats.of(e);
    if (c.chars == 0 || c.linkDensity() <= 0.75) {
      return false;
    }
    // short, or several links strung together ("Don't miss: A [VIDEO] | B [INSIGHT]")
    return c.chars < 120 || e.getElementsByTag("a").size() >= 2;
  }


  private static boolean shouldRemove(Element e, BlockStats stats, Map<Element, Double> scores) {
    int weight = Signals.classWeight(e);
    double score = scores.getOrDefault(e, 0.0);
    if (weight + score < 0) {
      return true;
    }
    BlockStats.Counts c = stats.of(e);
    if (c.commas >= 10) {
      return false;
    }
    String tag = e.normalName();
    boolean isList = tag.equals("ul") || tag.equals("ol") || tag.equals("dl")
        || (c.chars > 0 && (double) c.listChars / c.chars > 0.9);
    double ld = c.linkDensity();
    int p = c.paragraphs;
    int img = c.images;
    int li = c.listItems - 100;
    double headingDensity = c.chars == 0 ? 0 : (double) c.headingChars / c.chars;
    if (isList && ld > 0.7) {
      return true;
    }
    if (img > 1 && (double) p / img < 0.5 && !tag.equals("figure")) {
      return true;
    }
    if (!isList && li > p) {
      return true;
    }
    if (c.inputs > Math.floor(p / 3.0)) {
      return true;
    }
    if (!isList && headingDensity < 0.9 && c.chars < 25 && (img == 0 || img > 2) && ld > 0) {
      return true;
    }
    if (!isList && weight < 25 && ld > 0.2) {
      return true;
    }
    if (weight >= 25 && ld > 0.5) {
      return true;
    }
    return (c.embeds == 1 && c.chars < 75) || c.embeds > 1;
  }
}
