package dev.pulse.extract;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Removes the site-name part that pages append to (or put before) their headline. */
final class TitleCleaner {

  private static final String SEPARATORS = "|-\u2013\u2014:\u00bb\u00b7/~";

  private TitleCleaner() {}

  /**
   * @param title the headline candidate
   * @param siteName the publication's name, or null
   * @param host the page's host name (e.g. "www.example.com"), or null
   */
  static @Nullable String clean(
      @Nullable String title, @Nullable String siteName, @Nullable String host) {
    if (title == null) {
      return null;
    }
    String t = title;
    if (siteName != null) {
      t = stripAffix(t, siteName);
    }
    // Title-bar suffix: "Headline | Section | Site" where no site name is declared.
    for (int i = 0; i < 3; i++) {
      int cut = Math.max(t.lastIndexOf(" | "), t.lastIndexOf(" :: "));
      if (cut <= 0) {
        break;
      }
      String head = t.substring(0, cut).strip();
      String tail = trimLeadingSeparator(t.substring(cut));
      if (words(tail) > 4 || words(head) < 3) {
        break;
      }
      t = head;
    }
    t = stripHostSuffix(t, host);
    t = stripHostPrefix(t, host);
    return t.isBlank() ? title : t;
  }

  /**
   * The page's visible headline when the title is that headline plus a short other half ("Headline:
   * Site", "Section — Headline"): whichever separator the page used, the half the reader sees in
   * the h1 is the headline. The h1 must be the longer half (a logo h1 is not).
   */
  static @Nullable String preferHeadline(@Nullable String title, List<String> headlines) {
    if (title == null) {
      return null;
    }
    String lower = title.toLowerCase(Locale.ROOT);
    for (String h : headlines) {
      String hl = h.toLowerCase(Locale.ROOT);
      if (hl.length() >= lower.length() || words(h) < 2) {
        continue;
      }
      String rest;
      if (lower.startsWith(hl)) {
        rest = title.substring(h.length());
        if (!startsWithSeparator(rest)) {
          continue;
        }
      } else if (lower.endsWith(hl)) {
        rest = title.substring(0, title.length() - h.length());
        if (!endsWithSeparator(rest)) {
          continue;
        }
      } else {
        continue;
      }
      String other = trimTrailingSeparator(trimLeadingSeparator(rest));
      if (!other.isEmpty() && words(other) <= 6 && words(other) < words(h)) {
        return h;
      }
    }
    return title;
  }

  /** " | rest", ": rest": a separator, spaced (a colon needs no space before it). */
  private static boolean startsWithSeparator(String s) {
    String t = s.stripLeading();
    if (t.length() < 2 || SEPARATORS.indexOf(t.charAt(0)) < 0) {
      return false;
    }
    return (t.length() < s.length() || t.charAt(0) == ':') && Character.isWhitespace(t.charAt(1));
  }

  /** "rest | ", "rest: ": a separator followed by a space. */
  private static boolean endsWithSeparator(String s) {
    String t = s.stripTrailing();
    if (t.isEmpty()
        || t.length() == s.length()
        || SEPARATORS.indexOf(t.charAt(t.length() - 1)) < 0) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return last == ':' || (t.length() >= 2 && Character.isWhitespace(t.charAt(t.length() - 2)));
  }

  /** "Site | Headline", "Site: Headline": a leading name of the host before a separator. */
  private static String stripHostPrefix(String t, @Nullable String host) {
    int best = -1;
    int sepLength = 0;
    for (String sep :
        new String[] {" | ", ": ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", " :: "}) {
      int i = t.indexOf(sep);
      if (i > 0 && (best < 0 || i < best)) {
        best = i;
        sepLength = sep.length();
      }
    }
    if (best <= 0) {
      return t;
    }
    String head = t.substring(0, best).strip();
    String tail = t.substring(best + sepLength).strip();
    if (words(head) > 4 || words(tail) < 3 || !looksLikeName(head) || !namesHost(head, host)) {
      return t;
    }
    return tail;
  }

  /**
   * The site name a title bar carries after the headline ("Headline | Site Name"), for pages that
   * declare none: the {@code <title>} must start with the headline found elsewhere, and the rest,
   * after a separator, be a short name. Null when the title bar says nothing more.
   */
  static @Nullable String siteFromTitleBar(@Nullable String titleBar, @Nullable String headline) {
    if (titleBar == null || headline == null || headline.isBlank()) {
      return null;
    }
    String bar = titleBar.strip();
    if (!bar.startsWith(headline) || bar.length() == headline.length()) {
      return null;
    }
    String rest = bar.substring(headline.length()).strip();
    for (String sep : new String[] {"|", "::", "-", "\u2013", "\u2014", "\u00b7"}) {
      if (rest.startsWith(sep)) {
        String tail = trimLeadingSeparator(rest).strip();
        int cut = Math.max(tail.lastIndexOf(" | "), tail.lastIndexOf(" :: "));
        String site = cut > 0 ? tail.substring(cut + 3).strip() : tail;
        return site.isEmpty() || words(site) > 5 ? null : site;
      }
    }
    return null;
  }

  /**
   * "Headline - Site Name": a dash-separated tail of a few capitalised words that name the host
   * ("BBC News" on www.bbc.com), or a domain.
   */
  private static String stripHostSuffix(String t, @Nullable String host) {
    int cut = -1;
    for (String sep : new String[] {" - ", " \u2013 ", " \u2014 ", " \u00b7 ", " \u00bb ", ": "}) {
      cut = Math.max(cut, t.lastIndexOf(sep));
    }
    if (cut <= 0) {
      return t;
    }
    String head = t.substring(0, cut).strip();
    String tail = trimLeadingSeparator(t.substring(cut));
    if (words(tail) > 4 || words(head) < 4) {
      return t;
    }
    if (tail.matches("(?i)[\\w.-]+\\.[a-z]{2,}")) {
      return head; // a domain
    }
    return looksLikeName(tail) && namesHost(tail, host) ? head : t;
  }

  private static boolean namesHost(String tail, @Nullable String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    String joined = tail.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    String first = tail.toLowerCase(Locale.ROOT).strip().split("[^\\p{L}\\p{N}]+")[0];
    String label = h.split("\\.")[0];
    return (!joined.isEmpty() && (h.contains(joined) || joined.contains(label)))
        || (first.length() >= 3 && label.contains(first));
  }

  private static boolean looksLikeName(String s) {
    for (String w : s.strip().split("\\s+")) {
      int c = w.codePointAt(0);
      if (Character.isLetter(c) && !Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  private static String stripAffix(String t, String siteName) {
    String lower = t.toLowerCase(Locale.ROOT);
    String site = siteName.toLowerCase(Locale.ROOT).strip();
    if (site.isEmpty() || lower.equals(site)) {
      return t;
    }
    if (lower.endsWith(site)) {
      String head = t.substring(0, t.length() - site.length());
      String trimmed = trimTrailingSeparator(head);
      if (!trimmed.equals(head.strip()) && !trimmed.isEmpty()) {
        return trimmed;
      }
    }
    if (lower.startsWith(site)) {
      String tail = t.substring(site.length());
      String trimmed = trimLeadingSeparator(tail);
      if (!trimmed.equals(tail.strip()) && !trimmed.isEmpty()) {
        return trimmed;
      }
    }
    return t;
  }

  private static String trimTrailingSeparator(String s) {
    String t = s.stripTrailing();
    while (!t.isEmpty() && "|-\u2013\u2014:\u00bb\u00b7/~".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1).stripTrailing();
    }
    return t;
  }

  private static String trimLeadingSeparator(String s) {
    String t = s.stripLeading();
    while (!t.isEmpty() && "|-\u2013\u2014:\u00bb\u00b7/~".indexOf(t.charAt(0)) >= 0) {
      t = t.substring(1).stripLeading();
    }
    return t;
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
