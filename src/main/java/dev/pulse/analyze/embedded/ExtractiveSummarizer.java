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
import org.jspecify.annotations.Nullable;

/**
 * Picks 3-4 whole sentences of an article (2 when no more fit), in article order, within a word
 * band (by default 50-90 words). News puts the essentials first, so position weighs most; word
 * centrality (how much of the article's vocabulary a sentence shares) and overlap with the headline
 * break ties and skip asides. Datelines, bylines, photo captions, sentences that stop mid-thought
 * and near-repeats of a sentence already chosen are left out; the summary never opens on a sentence
 * that refers back to something not yet introduced, and it prefers to close on a consequence or a
 * next step rather than on a quotation or an anecdote ({@link SentenceRoles}).
 */
final class ExtractiveSummarizer {

  static final int DEFAULT_MAX_WORDS = EmbeddedArticleAnalyzer.DEFAULT_SUMMARY_WORDS;

  private static final int MAX_SENTENCES = 4;

  /** Fewer sentences than this read as a clipping rather than a summary. */
  private static final int WANTED_SENTENCES = 3;

  /** Shorter sentences are mostly links to other stories, labels or asides. */
  private static final int MIN_WORDS = 6;

  /** Sentences past this index are rarely summary material in news and cost time to score. */
  private static final int MAX_CANDIDATES = 25;

  /** Sentences considered for the summary, in article order. */
  private static final int POOL = 12;

  /** Sentences before this index are equally likely summary material; later ones fade. */
  private static final int FLAT_LEAD = 3;

  private static final double POSITION_DECAY = 0.15;
  private static final double CENTRALITY_WEIGHT = 1.0;
  private static final double TITLE_WEIGHT = 0.25;

  /** Very short sentences rarely carry the facts of a story. */
  private static final double SHORT_PENALTY = 0.4;

  private static final int SHORT_WORDS = 10;

  /** Share of content words two sentences may have in common before one repeats the other. */
  private static final double REDUNDANT_SHARE = 0.5;

  /** The same share when the two also have a run of words in common ("harbor road center"). */
  private static final double REDUNDANT_SHARE_WITH_RUN = 0.4;

  private static final int SHARED_RUN = 3;

  /**
   * The score a sentence must beat for its words to add to a summary; below it, each word costs.
   * Once the shape is met (3-4 sentences, at least the lower bound of words), this makes the
   * summary spend words only on its strongest sentences instead of filling the budget: a tight
   * 60-70 words of the best sentences beat 85 words padded with weaker ones, for a reader and by
   * ROUGE (see docs/benchmarks.md).
   */
  private static final double SCORE_BAR = 2.0;

  /**
   * A sentence is charged at least this many words against the bar: a short, weak sentence costs a
   * reader's attention too, and should not win a place just because it is cheap.
   */
  private static final int CHARGED_WORDS = 12;

  /** Bonus, per word, for a last sentence that states a consequence or a next step. */
  private static final double CLOSING_BONUS = 0.3;

  /** Penalty, per word, for a last sentence that is a quotation or an anecdote without context. */
  private static final double CLOSING_PENALTY = 0.6;

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
  private final int maxWords;
  private final int minWords;

  /**
   * @param maxWords the most words a summary may have, at least 10; the summary aims at no fewer
   *     than 5/9 of it (50 of 90)
   */
  ExtractiveSummarizer(int maxWords) {
    if (maxWords < 10) {
      throw new IllegalArgumentException("summary budget must be at least 10 words: " + maxWords);
    }
    this.maxWords = maxWords;
    this.minWords = maxWords * 5 / 9;
  }

  int maxWords() {
    return maxWords;
  }

  /** A summary of at most {@link #maxWords()} words; never blank when sentences or title exist. */
  String summarize(@Nullable String title, List<String> sentences) {
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

  private List<Candidate> candidates(@Nullable String title, List<String> sentences) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < sentences.size() && out.size() < MAX_CANDIDATES; i++) {
      // an agency credit opens the story; a place in capitals may follow a two-sentence standfirst
      String s =
          i < 2
              ? stripDateline(sentences.get(i))
              : i < 4 ? stripCapsDateline(sentences.get(i)) : sentences.get(i);
      s = s.strip();
      int words = WordTokens.count(s);
      Candidate c = new Candidate(out.size(), s, words, WordTokens.of(s));
      c.eligible =
          words >= MIN_WORDS
              && words <= maxWords
              && !isJunk(s)
              && quotesBalanced(s)
              && !SentenceRoles.isBareQuote(s)
              && !SentenceRoles.isCaption(s)
              && !SentenceRoles.endsMidThought(s);
      c.pointsBack =
          SentenceRoles.pointsBack(s, c.tokens) || introducesSomeone(s, title, sentences, i);
      c.closing =
          SentenceRoles.needsContext(s)
              ? -CLOSING_PENALTY
              : SentenceRoles.looksAhead(s) ? CLOSING_BONUS : 0;
      out.add(c);
    }
    return out;
  }

  /**
   * Whether the sentence brings in a person by name and age ("Jorja Whitcombe, 41, spent ...")
   * whose surname neither the headline nor an earlier sentence mentions: an anecdote that needs the
   * sentences before it.
   */
  private static boolean introducesSomeone(
      String s, @Nullable String title, List<String> sentences, int index) {
    String name = SentenceRoles.nameAndAge(s);
    if (name == null) {
      return false;
    }
    String[] parts = name.toLowerCase(Locale.ROOT).split("\\s+");
    String surname = parts[parts.length - 1];
    if (title != null && WordTokens.of(title).contains(surname)) {
      return false;
    }
    for (int j = 0; j < index; j++) {
      if (WordTokens.of(sentences.get(j)).contains(surname)) {
        return false;
      }
    }
    return true;
  }

  private static String stripCapsDateline(String s) {
    String t = CAPS_DATELINE.matcher(s).replaceFirst("");
    return t.isBlank() ? s : t;
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

  private void score(@Nullable String title, List<Candidate> candidates) {
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
      c.score =
          position
              + CENTRALITY_WEIGHT * c.centrality / maxCentrality
              + TITLE_WEIGHT * titleShare
              - penalty;
    }
  }

  /**
   * The best set of up to {@link #MAX_SENTENCES} sentences within the budget. First by shape (two
   * sentences or more, then three or more, then at least the band's lower bound of words), then by
   * the sum of words times score: a summary should spend its words on the most relevant sentences,
   * and a short sentence that merely fits is worth less than a longer, earlier one; the last
   * sentence's words count more when it looks ahead and less when it needs context. Exhaustive over
   * the first few eligible sentences, which is cheap (a few hundred subsets) and beats greedy
   * filling.
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

    int bestTier = -1;

    void extend(int from, int[] picked, int size, int words, double value) {
      if (size > 0) {
        Candidate last = pool.get(picked[size - 1]);
        double total = value + last.words * last.closing;
        int tier =
            (size >= 2 ? 1 : 0) + (size >= WANTED_SENTENCES ? 1 : 0) + (words >= minWords ? 1 : 0);
        if (tier > bestTier || tier == bestTier && total > bestValue) {
          bestTier = tier;
          bestValue = total;
          best = picked.clone();
          bestSize = size;
        }
      }
      if (size == MAX_SENTENCES) {
        return;
      }
      for (int i = from; i < pool.size(); i++) {
        Candidate c = pool.get(i);
        if (words + c.words > maxWords) {
          continue;
        }
        if (c.pointsBack && (size == 0 || pool.get(picked[size - 1]).index != c.index - 1)) {
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
        extend(
            i + 1,
            picked,
            size + 1,
            words + c.words,
            value + Math.max(c.words, CHARGED_WORDS) * (c.score - SCORE_BAR));
      }
    }
  }

  /**
   * Whether {@code c} repeats a chosen sentence: most of the content words of the shorter one in
   * common, or fewer but with a run of them in the same order (a standfirst and the lead that
   * restates it). Words are compared by their first letters and numbers by their digits, so "300mm"
   * and "300-millimetre", "close" and "closes" match.
   */
  private static boolean redundant(Candidate c, Set<Integer> chosen, List<Candidate> all) {
    List<String> mine = contentKeys(c.tokens);
    if (mine.isEmpty()) {
      return false;
    }
    Set<String> mineSet = new HashSet<>(mine);
    for (int i : chosen) {
      List<String> theirs = contentKeys(all.get(i).tokens);
      Set<String> other = new HashSet<>(theirs);
      int common = 0;
      for (String t : mineSet) {
        if (other.contains(t)) {
          common++;
        }
      }
      double smaller = Math.min(mineSet.size(), Math.max(1, other.size()));
      if (common >= REDUNDANT_SHARE * smaller
          || common >= REDUNDANT_SHARE_WITH_RUN * smaller && sharesRun(mine, theirs)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sharesRun(List<String> a, List<String> b) {
    Set<String> runs = new HashSet<>();
    for (int i = 0; i + SHARED_RUN <= a.size(); i++) {
      runs.add(String.join(" ", a.subList(i, i + SHARED_RUN)));
    }
    for (int i = 0; i + SHARED_RUN <= b.size(); i++) {
      if (runs.contains(String.join(" ", b.subList(i, i + SHARED_RUN)))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> contentKeys(List<String> tokens) {
    List<String> keys = new ArrayList<>();
    for (String token : tokens) {
      for (String t : token.split("-")) {
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
          int end = 0;
          while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
          }
          keys.add(t.substring(0, end));
        } else if (WordTokens.isContent(t)) {
          keys.add(t.length() > 5 ? t.substring(0, 5) : t);
        }
      }
    }
    return keys;
  }

  /** No sentence fits: the first one, cut to the budget; or the title. */
  private String fallback(@Nullable String title, List<String> sentences) {
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
    boolean pointsBack;

    /** Per-word adjustment when the summary ends on this sentence. */
    double closing;

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
