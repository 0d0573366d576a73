package dev.pulse.analyze.embedded;

import dev.pulse.text.WordTokens;

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
  /** Sentences considered for the summary, in article order. */
  private static final int POOL = 12;
  /** Sentences before this index are equally likely summary material; later ones fade. */
  private static final int FLAT_LEAD = 3;
  private static final double POSITION_DECAY = 0.15;
  private static final double CENTRALITY_WEIGHT = 1.0;
  private static final double TITLE_WEIGHT = 0.25;
  /** Quotes and very short sentences rarely carry the facts of a story. */
  private static final double QUOTE_PENALTY = 0.25;
  private static final double SHORT_PENALTY = 0.4;
  private static final int SHORT_WORDS = 10;
  /** Share of content words two sentences may have in common before one repeats the other. */
  private static final double REDUNDANT_SHARE = 0.6;

  /** "(CNN) --", "des moines, iowa (cnn)", "(The Hollywood Reporter)": a news agency credit. */
  private static final Pattern AGENCY_DATELINE =
      Pattern.compile(
          "^(?:[\\p{L} .,'’-]{0,50}?)?\\((?:cnn|reuters|ap|afp|upi|bloomberg|dpa|xinhua|efe|ansa|"
              + "pa|ians|pti|the [\\p{L} ]{1,30})\\)\\s*(?:--|—|–|-|:)?\\s*",
          Pattern.CASE_INSENSITIVE);
  /** "LONDON --", "PORTVILLE (Pulse Wire) --": a place in capitals, maybe a credit, a dash. */
  private static final Pattern CAPS_DATELINE =
      Pattern.compile(
          "^[A-Z][A-Z .,'-]{1,40}(?:\\s*\\([^)]{1,30}\\)\\s*(?:--|—|–|-|:)?|\\s*(?:--|—|–|-))\\s+");
  private static final Pattern JUNK =
      Pattern.compile(
          "^(?:by\\s|published:|updated:|last updated|posted:|photo:|image:|pictured:|video:|"
              + "read more|click here|scroll down|follow |share this|sign up|subscribe|copyright|"
              + "\\(?(?:reporting|editing|writing) by)|"
              + "all rights reserved|contributed to this report|@\\w+|\\bhttps?://|www\\.",
          Pattern.CASE_INSENSITIVE);
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
      String s = i < 2 ? stripDateline(sentences.get(i)) : sentences.get(i);
      s = s.strip();
      int words = WordTokens.count(s);
      Candidate c = new Candidate(out.size(), s, words, WordTokens.of(s));
      c.eligible = words >= MIN_WORDS && words <= maxWords && !isJunk(s) && quotesBalanced(s);
      out.add(c);
    }
    return out;
  }

  static String stripDateline(String s) {
    String t = AGENCY_DATELINE.matcher(s).replaceFirst("");
    if (t.length() == s.length()) {
      t = CAPS_DATELINE.matcher(s).replaceFirst("");
    }
    return t.isBlank() ? s : t;
  }

  /**
   * An odd number of double quotes means the sentence is a piece of a quotation that runs over
   * several sentences; alone in a summary it would open or close a quote that is not there.
   */
  static boolean quotesBalanced(String s) {
    int straight = 0;
    int open = 0;
    int close = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        straight++;
      } else if (ch == '“') {
        open++;
      } else if (ch == '”') {
        close++;
      }
    }
    return straight % 2 == 0 && open == close;
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
          sum += Math.log1p(tf.getOrDefault(t, 1) - 1);
          if (titleWords.contains(t)) {
            c.titleHits++;
          }
        }
      }
      c.centrality = sum / Math.sqrt(Math.max(8, c.tokens.size()));
      maxCentrality = Math.max(maxCentrality, c.centrality);
    }
    for (Candidate c : candidates) {
      double position =
          c.index < FLAT_LEAD ? 1.0 : 1.0 / (1.0 + POSITION_DECAY * (c.index - FLAT_LEAD + 1));
      double titleShare = titleWords.isEmpty() ? 0 : (double) c.titleHits / titleWords.size();
      double penalty = 0;
      if (c.words < SHORT_WORDS) {
        penalty += SHORT_PENALTY;
      }
      if (isBareQuote(c.text)) {
        penalty += QUOTE_PENALTY;
      }
      c.score =
          position + CENTRALITY_WEIGHT * c.centrality / maxCentrality + TITLE_WEIGHT * titleShare - penalty;
    }
  }

  /**
   * The best set of up to {@link #MAX_SENTENCES} sentences within the budget, by the sum of words
   * times score: a summary should spend its words on the most relevant sentences, and a short
   * sentence that merely fits is worth less than a longer, earlier one. Exhaustive over the first
   * few eligible sentences, which is cheap (a few hundred subsets) and beats greedy filling.
   */
  private TreeSet<Integer> select(List<Candidate> candidates) {
    List<Candidate> pool = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.eligible && c.score > 0) {
        pool.add(c);
      }
      if (pool.size() == POOL) {
        break;
      }
    }
    int n = pool.size();
    boolean[][] clash = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        clash[i][j] = redundant(pool.get(j), Set.of(pool.get(i).index), candidates);
      }
    }
    Search search = new Search(pool, clash);
    search.extend(0, new int[MAX_SENTENCES], 0, 0, 0.0);
    TreeSet<Integer> chosen = new TreeSet<>();
    for (int k = 0; k < search.bestSize; k++) {
      chosen.add(pool.get(search.best[k]).index);
    }
    return chosen;
  }

  private final class Search {
    final List<Candidate> pool;
    final boolean[][] clash;
    int[] best = new int[0];
    int bestSize;
    double bestValue = -1;

    Search(List<Candidate> pool, boolean[][] clash) {
      this.pool = pool;
      this.clash = clash;
    }

    void extend(int from, int[] picked, int size, int words, double value) {
      // two sentences or more whenever they fit: a summary of one sentence is a last resort
      boolean better =
          size > 0
              && (Math.min(size, 2) > Math.min(bestSize, 2)
                  || Math.min(size, 2) == Math.min(bestSize, 2) && value > bestValue);
      if (better) {
        bestValue = value;
        best = picked.clone();
        bestSize = size;
      }
      if (size == MAX_SENTENCES) {
        return;
      }
      for (int i = from; i < pool.size(); i++) {
        Candidate c = pool.get(i);
        if (words + c.words > maxWords) {
          continue;
        }
        if (isDangling(c) && (size == 0 || pool.get(picked[size - 1]).index != c.index - 1)) {
          continue;
        }
        boolean ok = true;
        for (int k = 0; k < size && ok; k++) {
          ok = !clash[picked[k]][i];
        }
        if (!ok) {
          continue;
        }
        picked[size] = i;
        extend(i + 1, picked, size + 1, words + c.words, value + c.words * c.score);
      }
    }
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
      if (common >= REDUNDANT_SHARE * Math.min(mine.size(), Math.max(1, other.size()))) {
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

  /**
   * A sentence that is nothing but a quotation, with no attribution outside the quote marks
   * ("'My son thinks I build robots.'"): out of context it tells a reader little.
   */
  static boolean isBareQuote(String s) {
    String t = s.strip();
    if (t.length() < 2 || !startsWithQuote(t)) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return "\"'”’".indexOf(last) >= 0;
  }

  private static boolean startsWithQuote(String s) {
    return !s.isEmpty() && "\"'“‘".indexOf(s.charAt(0)) >= 0;
  }

  /** No sentence fits: the first one, cut to the budget; or the title. */
  private String fallback(String title, List<String> sentences) {
    String source =
        sentences.isEmpty() ? (title == null ? "" : title) : stripDateline(sentences.get(0));
    String[] words = source.strip().split("\\s+");
    if (words.length <= maxWords) {
      return source.strip();
    }
    return String.join(" ", java.util.Arrays.copyOf(words, maxWords)) + " …";
  }

  private static final class Candidate {
    final int index;
    final String text;
    final int words;
    final List<String> tokens;
    boolean eligible;
    int titleHits;
    double centrality;
    double score;

    Candidate(int index, String text, int words, List<String> tokens) {
      this.index = index;
            this.text = text;
      this.words = words;
      this.tokens = tokens;
    }
  }
}
