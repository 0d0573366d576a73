package dev.pulse.analyze.llm;

import org.jspecify.annotations.Nullable;

/**
 * Cuts an article to a token budget without a tokenizer: tokens are estimated from characters and
 * words (whichever is larger), which errs on the generous side for English and most European text.
 * The title always goes in (shortened if absurdly long), then paragraphs in order, so the lead
 * comes first; the last paragraph that does not fit is cut at a sentence or word boundary.
 */
final class LlmInputBudget {

  static final String CUT_MARK = " [...]";
  private static final int TITLE_MAX_CHARS = 300;

  private LlmInputBudget() {}

  /** Approximate token count: max(chars / 4, words * 4 / 3), rounded up. */
  static int estimateTokens(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    int chars = text.length();
    int words = countWords(text);
    return Math.max((chars + 3) / 4, (words * 4 + 2) / 3);
  }

  /** The title, shortened to a sane length. */
  static String title(@Nullable String title) {
    if (title == null) {
      return "";
    }
    String t = title.strip().replaceAll("\\s+", " ");
    return t.length() <= TITLE_MAX_CHARS ? t : cutAtWord(t, TITLE_MAX_CHARS) + CUT_MARK;
  }

  /**
   * The article text cut so that title and text together stay within {@code budget} tokens.
   *
   * @param title already passed through {@link #title(String)}
   */
  static String text(String title, @Nullable String text, int budget) {
    int left = budget - estimateTokens(title);
    String body = text == null ? "" : text.strip();
    if (estimateTokens(body) <= left) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    for (String para : body.split("\\n\\s*\\n")) {
      String p = para.strip();
      if (p.isEmpty()) {
        continue;
      }
      String sep = out.length() == 0 ? "" : "\n\n";
      int cost = estimateTokens(sep + p);
      if (cost <= left) {
        out.append(sep).append(p);
        left -= cost;
        continue;
      }
      int room = left - estimateTokens(sep + CUT_MARK);
      if (room > 10) {
        String cut = cutToTokens(p, room);
        if (!cut.isEmpty()) {
          out.append(sep).append(cut);
        }
      }
      break;
    }
    return out.append(CUT_MARK).toString().strip();
  }

  /** The longest prefix within the token estimate, ended at a sentence end if one is near. */
  private static String cutToTokens(String p, int tokens) {
    int lo = 0;
    int hi = p.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (estimateTokens(p.substring(0, mid)) <= tokens) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    String prefix = p.substring(0, lo);
    int sentenceEnd =
        Math.max(
            prefix.lastIndexOf(". "), Math.max(prefix.lastIndexOf("! "), prefix.lastIndexOf("? ")));
    if (sentenceEnd > prefix.length() / 2) {
      return prefix.substring(0, sentenceEnd + 1);
    }
    return cutAtWord(p, lo);
  }

  private static String cutAtWord(String s, int maxChars) {
    if (s.length() <= maxChars) {
      return s.strip();
    }
    String head = s.substring(0, maxChars);
    int space = head.lastIndexOf(' ');
    return (space > maxChars / 2 ? head.substring(0, space) : head).strip();
  }

  static int countWords(String text) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean ws = Character.isWhitespace(text.charAt(i));
      if (!ws && !in) {
        words++;
      }
      in = !ws;
    }
    return words;
  }
}
