package dev.pulse.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Picks 2-4 whole sentences of an article, in article order, within a word budget. News puts the
 * essentials first, so position weighs most; word centrality (how much of the article's vocabulary a
 * sentence shares) and overlap with the headline break ties and skip asides. Datelines, bylines,
 * photo captions and sentences that open with an unresolved pronoun are left out.
 */
final class ExtractiveSummarizer {

  static final int DEFAULT_MAX_WORDS = 60;

  private static final int MAX_SENTENCES = 4;
  private static final int MIN_WORDS = 5;
  /** Sentences past this index are rarely summary material in news and cost time to score. */
  private static final int MAX_CANDIDATES = 25;

  private static final Pattern DATELINE =
      Pattern.compile(
          "^(?:[\\p{L} .,'’-]{0,50}?)?\\((?:cnn|reuters|ap|afp|upi|bloomberg|the [\\p{L} ]{1,30}|[\\p{L}. &]{2,25})\\)\\s*(?:--|—|–|-|:)?\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CAPS_DATELINE =
      Pattern.compile("^[A-Z][A-Z .,'-]{1,40}(?:\\s*\\([^)]{1,30}\\))?\\s*(?:--|—|–|-)\\s+");
  private static final Pattern JUNK =
      Pattern.compile(
          "^(?:by\\s|published:|updated:|last updated|posted:|photo:|image:|pictured:|video:|"
              + "read more|click here|scroll down|follow |share this|sign up|subscribe|copyright|"
              + "\\(?(?:reporting|editing|writing) by)|"
              + "all rights reserved|contributed to this report|@\\w+|\\bhttps?://|www\\.",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CAPTION_LEAD = Pattern.compile("^[\\p{L}'’ -]{1,25}:\\s");

  private static final Set<String> DANGLING_OPENERS =
      Set.of(
          "he", "she", "it", "they", "his", "her", "its", "their", "them", "him", "this", "these",
          "those", "that", "such", "but", "and", "however", "also", "meanwhile", "still", "yet",
          "so", "then", "there", "here", "both", "others", "another", "later", "instead", "thus",
          "therefore", "besides", "moreover", "furthermore");

  private final int maxWords;

  ExtractiveSummarizer(int maxWords) {
    if (maxWords < 10) {
      throw new IllegalArgumentException("summary budget must be at least 10 words: " + maxWords);
    }
    this.maxWords = maxWords;
  }

  int maxWords() {
    return maxWords;
  }

  /** A summary of at most {@link #maxWords()} words; never blank when sentences or title exist. */
  String summarize(String title, List<String> sentences) {
    List<Candidate> candidates = candidates(title, sentences);
    if (candidates.isEmpty()) {
      return fallback(title, sentences);
    }
    score(title, candidates);
    TreeSet<Integer> chosen = select(candidates);
    if (chosen.isEmpty()) {
      return fallback(title, sentences);
    }
    StringBuilder sb = new StringBuilder();
    for (int i : chosen) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(candidates.get(i).text);
    }
    return sb.toString();
  }

  private List<Candidate> candidates(String title, List<String> sentences) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < sentences.size() && out.size() < MAX_CANDIDATES; i++) {
      String s = i == 0 ? stripDateline(sentences.get(i)) : sentences.get(i);
      s = s.strip();
      int words = WordTokens.count(s);
      Candidate c = new Candidate(out.size(), i, s, words, WordTokens.of(s));
      c.eligible = words >= MIN_WORDS && words <= maxWords && !isJunk(s);
      out.add(c);
    }
    return out;
  }

  static String stripDateline(String s) {
    String t = DATELINE.matcher(s).replaceFirst("");
    if (t.length() == s.length()) {
      t = CAPS_DATELINE.matcher(s).replaceFirst("");
    }
    return t.isBlank() ? s : t;
  }

  private static boolean isJunk(String s) {
    if (JUNK.matcher(s).find() && JUNK.matcher(s).lookingAt()) {
      return true;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    return lower.contains("contributed to this report")
        || lower.contains("click here")
        || lower.contains("all rights reserved")
        || lower.endsWith(":");
  }

  private void score(String title, List<Candidate> candidates) {
    Map<String, Integer> tf = new HashMap<>();
    for (Candidate c : candidates) {
      for (String t : c.tokens) {
        if (WordTokens.isContent(t)) {
          tf.merge(t, 1, Integer::sum);
        }
      }
    }
    Set<String> titleWords = new HashSet<>();
    for (String t : WordTokens.of(title)) {
      if (WordTokens.isContent(t)) {
        titleWords.add(t);
      }
    }
    double maxCentrality = 1e-9;
    for (Candidate c : candidates) {
      double sum = 0;
      Set<String> seen = new HashSet<>();
      for (String t : c.tokens) {
        if (WordTokens.isContent(t) && seen.add(t)) {
          sum += Math.log1p(tf.get(t) - 1);
          if (titleWords.contains(t)) {
            c.titleHits++;
          }
        }
      }
      c.centrality = sum / Math.sqrt(Math.max(8, c.tokens.size()));
      maxCentrality = Math.max(maxCentrality, c.centrality);
    }
    for (Candidate c : candidates) {
      double position = 1.0 / Math.pow(c.index + 1, 0.8);
      double titleShare = titleWords.isEmpty() ? 0 : (double) c.titleHits / titleWords.size();
      double penalty = 0;
      if (c.index < 2 && CAPTION_LEAD.matcher(c.text).find()) {
        penalty += 0.5; // "Pictured: ..." style captions at the top of a page
      }
      if (c.text.endsWith("?")) {
        penalty += 0.3;
      }
      if (startsWithQuote(c.text)) {
        penalty += 0.15;
      }
      c.score = position + 0.35 * c.centrality / maxCentrality + 0.25 * titleShare - penalty;
    }
  }

  private TreeSet<Integer> select(List<Candidate> candidates) {
    List<Candidate> ranked = new ArrayList<>(candidates);
    ranked.removeIf(c -> !c.eligible);
    ranked.sort((a, b) -> Double.compare(b.score, a.score));
    TreeSet<Integer> chosen = new TreeSet<>();
    int words = 0;
    boolean added = true;
    while (added && chosen.size() < MAX_SENTENCES) {
      added = false;
      for (Candidate c : ranked) {
        if (chosen.contains(c.index) || words + c.words > maxWords) {
          continue;
        }
        if (isDangling(c) && !chosen.contains(c.index - 1)) {
          continue;
        }
        if (redundant(c, chosen, candidates)) {
          continue;
        }
        chosen.add(c.index);
        words += c.words;
        added = true;
        break;
      }
    }
    return chosen;
  }

  private static boolean redundant(Candidate c, Set<Integer> chosen, List<Candidate> all) {
    Set<String> mine = contentSet(c.tokens);
    if (mine.isEmpty()) {
      return false;
    }
    for (int i : chosen) {
      Set<String> other = contentSet(all.get(i).tokens);
      int common = 0;
      for (String t : mine) {
        if (other.contains(t)) {
          common++;
        }
      }
      if (common >= 0.6 * Math.min(mine.size(), Math.max(1, other.size()))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> contentSet(List<String> tokens) {
    Set<String> s = new HashSet<>();
    for (String t : tokens) {
      if (WordTokens.isContent(t)) {
        s.add(t);
      }
    }
    return s;
  }

  private static boolean isDangling(Candidate c) {
    return !c.tokens.isEmpty() && DANGLING_OPENERS.contains(c.tokens.get(0)) && !startsWithQuote(c.text);
  }

  private static boolean startsWithQuote(String s) {
    return !s.isEmpty() && "\"'“‘".indexOf(s.charAt(0)) >= 0;
  }

  /** No sentence fits: the first one, cut to the budget; or the title. */
  private String fallback(String title, List<String> sentences) {
    String source = sentences.isEmpty() ? (title == null ? "" : title) : stripDateline(sentences.get(0));
    String[] words = source.strip().split("\\s+");
    if (words.length <= maxWords) {
      return source.strip();
    }
    return String.join(" ", java.util.Arrays.copyOf(words, maxWords)) + " …";
  }

  private static final class Candidate {
    final int index;
    final int original;
    final String text;
    final int words;
    final List<String> tokens;
    boolean eligible;
    int titleHits;
    double centrality;
    double score;

    Candidate(int index, int original, String text, int words, List<String> tokens) {
      this.index = index;
      this.original = original;
      this.text = text;
      this.words = words;
      this.tokens = tokens;
    }
  }
}
