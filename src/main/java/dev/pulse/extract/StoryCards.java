package dev.pulse.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds story cards: sibling blocks that each hold one fully linked headline (pointing to another
 * page) and a short teaser. Wherever they sit, even inside the article container, they point to
 * other stories: "more on this", "you might also like", a section front. A page that is nothing
 * but cards has no article.
 */
final class StoryCards {

  /** A card is a teaser: longer blocks are the posts of a blog index or a listicle's items. */
  private static final int MAX_CARD_CHARS = 600;

  private static final int MIN_HEADLINE_CHARS = 10;

  private StoryCards() {}

  /** Removes every group of two or more sibling cards, and a group's container if only a heading is left. */
  static void remove(Element root) {
    List<Element> headlines = linkedHeadlines(root);
    if (headlines.size() < 2) {
      return;
    }
    // How many linked headlines each ancestor holds: a card holds exactly one.
    Map<Element, Integer> held = new IdentityHashMap<>();
    for (Element h : headlines) {
      for (Element a = h; a != null && a != root; a = a.parent()) {
        held.merge(a, 1, Integer::sum);
      }
    }
    Map<Element, List<Element>> cardsByParent = new IdentityHashMap<>();
    for (Element h : headlines) {
      Element card = h;
      while (card.parent() != null && card.parent() != root && held.get(card.parent()) == 1) {
        card = card.parent();
      }
      if (card != h && card.parent() != null && isCard(card, h)) {
        cardsByParent.computeIfAbsent(card.parent(), p -> new ArrayList<>()).add(card);
      }
    }
    for (Map.Entry<Element, List<Element>> group : cardsByParent.entrySet()) {
      if (group.getValue().size() < 2) {
        continue;
      }
      Element parent = group.getKey();
      for (Element card : group.getValue()) {
        card.remove();
      }
      // "More stories" and nothing else: the heading of the group goes with it.
      if (parent.parent() != null && parent.text().length() < 80 && parent.getElementsByTag("p").isEmpty()) {
        parent.remove();
      }
    }
  }

  /** Headings whose whole text is one link to another page, or that sit whole inside one. */
  private static List<Element> linkedHeadlines(Element root) {
    List<Element> found = new ArrayList<>();
    for (Element h : root.select("h1, h2, h3, h4, h5, h6")) {
      String text = h.text();
      if (text.length() < MIN_HEADLINE_CHARS) {
        continue;
      }
      Element link = h.closest("a[href]");
      if (link == null) {
        Elements inner = h.getElementsByTag("a");
        if (inner.size() == 1 && inner.get(0).text().length() * 10 >= text.length() * 9) {
          link = inner.get(0);
        }
      }
      if (link != null && pointsElsewhere(link.attr("href"))) {
        found.add(h);
      }
    }
    return found;
  }

  /** Not an anchor on this page (live blogs link each entry's heading to itself). */
  private static boolean pointsElsewhere(String href) {
    String h = href.strip();
    return !h.isEmpty() && !h.startsWith("#") && !h.regionMatches(true, 0, "javascript:", 0, 11);
  }

  /** Beside its headline, a short teaser; nothing long enough to be a post of its own. */
  private static boolean isCard(Element card, Element headline) {
    String text = card.text();
    if (text.length() > MAX_CARD_CHARS) {
      return false;
    }
    int linked = 0;
    for (Element a : card.getElementsByTag("a")) {
      linked += a.text().length();
    }
    int plain = text.length() - Math.max(linked, headline.text().length());
    return plain >= 30;
  }
}
