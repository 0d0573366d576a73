package dev.pulse.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Flattens an element to plain text: one paragraph per block (separated by a blank line), one line
 * per list item, table row or {@code <br>} (two {@code <br>}s end a paragraph), whitespace
 * collapsed. Iterative, so deep markup is safe.
 */
final class TextRenderer {

  private static final Set<String> PARAGRAPH_BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "blockquote",
          "pre",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "dl",
          "table",
          "figure",
          "figcaption",
          "header",
          "footer",
          "aside",
          "nav",
          "form",
          "fieldset",
          "address",
          "center",
          "hr",
          "details",
          "summary",
          "hgroup",
          "body",
          "caption");
  private static final Set<String> LINE_BLOCKS = Set.of("li", "tr", "dt", "dd", "br", "option");
  private static final Set<String> CELLS = Set.of("td", "th");

  private TextRenderer() {}

  static String render(Element root) {
    Builder b = new Builder();
    NodeTraversor.traverse(b, root);
    return normalise(b.out.toString());
  }

  /** Trims lines, drops blank runs beyond one blank line, and trims the whole text. */
  static String normalise(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int newlines = 0;
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty()) {
        newlines++;
        continue;
      }
      if (sb.length() > 0) {
        sb.append(newlines >= 2 ? "\n\n" : "\n");
      }
      sb.append(t);
      newlines = 1;
    }
    return sb.toString();
  }

  private static final class Builder implements NodeVisitor {
    final StringBuilder out = new StringBuilder();
    private int pendingBreak; // 0 none, 1 line, 2 paragraph
    private boolean pendingSpace;
    private int preDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        appendText(t.getWholeText());
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("pre")) {
          preDepth++;
        }
        breakFor(tag);
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("pre")) {
          preDepth--;
        }
        if (!tag.equals("br")) {
          breakFor(tag);
        }
      }
    }

    private void breakFor(String tag) {
      if (tag.equals("br")) {
        // One <br> breaks the line; two in a row end the paragraph.
        pendingBreak = pendingBreak >= 1 ? 2 : 1;
      } else if (PARAGRAPH_BLOCKS.contains(tag)) {
        pendingBreak = 2;
      } else if (LINE_BLOCKS.contains(tag)) {
        pendingBreak = Math.max(pendingBreak, 1);
      } else if (CELLS.contains(tag)) {
        pendingSpace = true;
      }
    }

    private void appendText(String raw) {
      if (preDepth > 0) {
        flushBreak();
        out.append(raw.replace('\u00a0', ' '));
        return;
      }
      int n = raw.length();
      for (int i = 0; i < n; i++) {
        char c = raw.charAt(i);
        if (isSpace(c)) {
          pendingSpace = true;
        } else {
          flushBreak();
          if (pendingSpace && out.length() > 0 && !endsWithBreak()) {
            out.append(' ');
          }
          pendingSpace = false;
          out.append(c);
        }
      }
    }

    private void flushBreak() {
      if (pendingBreak > 0 && out.length() > 0) {
        out.append(pendingBreak == 2 ? "\n\n" : "\n");
        pendingSpace = false;
      }
      pendingBreak = 0;
    }

    private boolean endsWithBreak() {
      return out.charAt(out.length() - 1) == '\n';
    }
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || c == '\u00a0'
        || c == '\u2007'
        || c == '\u202f'
        || c == '\u200b'
        || c == '\ufeff';
  }
}
