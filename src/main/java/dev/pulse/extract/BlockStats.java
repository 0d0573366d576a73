package dev.pulse.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text statistics of every element under a root, computed in one iterative pass so that scoring
 * stays linear in the page size (calling {@code Element.text()} per element would be quadratic).
 */
final class BlockStats {

  static final Set<String> BLOCK_TAGS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "dd",
          "details",
          "dialog",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "ul",
          "tr",
          "td",
          "th",
          "tbody",
          "thead",
          "center");

  /** Counts for one element, including all its descendants. */
  static final class Counts {
    int chars;
    int linkChars;
    int listChars;
    int headingChars;
    int commas;
    int paragraphs;
    int images;
    int listItems;
    int inputs;
    int embeds;
    int blockChildren;

    /** Text not inside any block descendant: what a browser would show as an anonymous block. */
    int inlineChars;

    int inlineCommas;

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }

    void add(Counts c) {
      chars += c.chars;
      linkChars += c.linkChars;
      listChars += c.listChars;
      headingChars += c.headingChars;
      commas += c.commas;
      paragraphs += c.paragraphs;
      images += c.images;
      listItems += c.listItems;
      inputs += c.inputs;
      embeds += c.embeds;
    }
  }

  private static final Counts EMPTY = new Counts();

  private final Map<Element, Counts> counts = new IdentityHashMap<>();

  private BlockStats() {}

  static BlockStats compute(Element root) {
    BlockStats stats = new BlockStats();
    NodeTraversor.traverse(stats.new Collector(), root);
    return stats;
  }

  Counts of(Element e) {
    Counts c = counts.get(e);
    return c == null ? EMPTY : c;
  }

  private final class Collector implements NodeVisitor {
    private int linkDepth;
    private int listDepth;
    private int headingDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e) {
        counts.put(e, new Counts());
        switch (e.normalName()) {
          case "a" -> linkDepth++;
          case "li", "dd", "dt" -> listDepth++;
          case "h1", "h2", "h3", "h4", "h5", "h6" -> headingDepth++;
          default -> {}
        }
      } else if (node instanceof TextNode t && node.parent() instanceof Element parent) {
        Counts c = counts.get(parent);
        if (c == null) {
          return;
        }
        String s = t.getWholeText();
        int chars = 0;
        int commas = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
          char ch = s.charAt(i);
          if (!TextRenderer.isSpace(ch)) {
            chars++;
            if (ch == ',' || ch == '\u060c' || ch == '\uff0c' || ch == '\u3001') {
              commas++;
            }
          }
        }
        c.chars += chars;
        c.inlineChars += chars;
        c.commas += commas;
        c.inlineCommas += commas;
        if (linkDepth > 0) {
          c.linkChars += chars;
        }
        if (listDepth > 0) {
          c.listChars += chars;
        }
        if (headingDepth > 0) {
          c.headingChars += chars;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      Counts c = counts.get(e);
      switch (e.normalName()) {
        case "a" -> linkDepth--;
        case "li", "dd", "dt" -> {
          listDepth--;
          c.listItems++;
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> headingDepth--;
        case "p" -> c.paragraphs++;
        case "img" -> c.images++;
        case "input", "select", "textarea" -> c.inputs++;
        case "iframe", "embed", "object", "video" -> c.embeds++;
        default -> {}
      }
      Element parent = e.parent();
      if (parent != null) {
        Counts pc = counts.get(parent);
        if (pc != null) {
          pc.add(c);
          if (BLOCK_TAGS.contains(e.normalName())) {
            pc.blockChildren++;
          } else {
            pc.inlineChars += c.inlineChars;
            pc.inlineCommas += c.inlineCommas;
          }
        }
      }
    }
  }
}
