package dev.pulse.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Word tokens and English function words, shared by the embedded analyzer's parts. */
public final class WordTokens {

  static final Set<String> STOPWORDS =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "amid",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "few",
          "for",
          "from",
          "further",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "me",
          "more",
          "most",
          "my",
          "myself",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "on",
          "once",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "out",
          "over",
          "own",
          "same",
          "she",
          "should",
          "so",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "to",
          "too",
          "under",
          "until",
          "up",
          "very",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "why",
          "will",
          "with",
          "would",
          "you",
          "your",
          "yours",
          "said",
          "says",
          "say",
          "told",
          "according",
          "one",
          "two",
          "new",
          "year",
          "years",
          "last",
          "first",
          "may",
          "might",
          "must",
          "since",
          "many",
          "much",
          "like",
          "get",
          "got",
          "make",
          "made",
          "us",
          "even",
          "still",
          "yet",
          "well",
          "back",
          "around",
          "s",
          "t",
          "don",
          "didn",
          "doesn",
          "isn",
          "wasn",
          "won",
          "can't",
          "it's",
          "mr",
          "mrs",
          "ms",
          "dr",
          "per",
          "cent",
          "percent",
          "week",
          "weeks",
          "day",
          "days",
          "time",
          "today",
          "yesterday",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "people",
          "way",
          "take",
          "took",
          "going",
          "go",
          "went",
          "come",
          "came",
          "three",
          "another",
          "every",
          "set",
          "including",
          "among",
          "however",
          "although",
          "though",
          "whether",
          "within",
          "without",
          "across",
          "along",
          "near");

  private WordTokens() {}

  /** Lower-case tokens of letters, digits and inner apostrophes or hyphens. */
  public static List<String> of(@Nullable String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String s = text.toLowerCase(Locale.ROOT);
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        i++;
        continue;
      }
      int b = i;
      while (i < n
          && (Character.isLetterOrDigit(s.charAt(i))
              || (isJoiner(s.charAt(i))
                  && i + 1 < n
                  && Character.isLetterOrDigit(s.charAt(i + 1))))) {
        i++;
      }
      out.add(s.substring(b, i).replace('\u2019', '\''));
    }
    return out;
  }

  /** Number of whitespace-separated words, as a reader (and ROUGE) would count them. */
  public static int count(@Nullable String text) {
    String t = text == null ? "" : text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** Too common or too short to carry meaning in a label or a word vector. */
  public static boolean isStopWord(String token) {
    return token.length() < 3 || STOPWORDS.contains(token);
  }

  public static boolean isContent(String token) {
    return token.length() > 1 && !STOPWORDS.contains(token) && !isNumber(token);
  }

  public static boolean isNumber(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isJoiner(char c) {
    return c == '\'' || c == '\u2019' || c == '-';
  }
}
