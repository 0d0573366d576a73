package dev.pulse.analyze.embedded;

import dev.pulse.analyze.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tone of news by rules over a {@link SentimentLexicon}. A sentence's score sums its polar
 * words, flipped after a negator ("did not improve"), and its changes of quantity: a word of
 * direction ("rose", "fell") times the nearest quantity's quality, so "profit rose" and "costs
 * fell" score positive while "loss widened" scores negative. Contrast shifts weight: what follows
 * "but" counts more than what precedes it, and a "despite ..." or "although ..." clause counts
 * little. A conflict that is ended ("ending a dispute") or settled by a signed pact ("sign an
 * accord after a long dispute") is good news, and a "first time in 40 years" makes a story stand
 * out: it leans positive when nothing else sets the tone and strengthens the tone that is there.
 * Where a quantity ends up decides a swing ("slipped to a loss" is bad, "swung to a profit" good);
 * a loss set against a profit ("a loss of 3 mn, compared to a profit of 4 mn") is bad news; a
 * change word before its noun describes that noun ("increased costs"), one after a comma the
 * quantity its clause is about ("sales of 5 mn, down from 6 mn"); and the starting point of a
 * change ("from a loss of 10 mn", after "the loss increased") carries no tone of its own.
 */
final class SentimentScorer {

  private static final Pattern TOKEN =
      Pattern.compile("n't|\\d+(?:[.,]\\d+)+|[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*|[,;:()]");
  private static final Pattern DATELINE =
      Pattern.compile("\\s*\\p{Lu}[\\p{Lu}\\p{N} .,'’-]*\\s+[—–-]\\s");
  private static final Pattern SPLIT_DECIMAL = Pattern.compile("(\\d) ?\\.\\s?(\\d)");
  private static final Pattern COMPARED =
      Pattern.compile(
          "(\\d[\\d,]*(?:\\.\\d+)?)[^.;]{0,40}?\\b(?:compared (?:to|with)|versus|vs|against|from)\\b[^0-9;]{0,40}?(\\d[\\d,]*(?:\\.\\d+)?)");
  private static final int QUANTITY_WINDOW = 5;
  private static final int QUANTITY_WINDOW_BEFORE = 7;
  private static final int NEGATION_WINDOW = 3;

  /**
   * How far after "end" or "resolve" the conflict it ends may stand ("ending a bitter dispute").
   */
  private static final int RESOLUTION_WINDOW = 4;

  /** The least a conflict brought to an end counts, however mild the word for it ("row"). */
  private static final double RESOLVED = 1.0;

  private static final java.util.Set<String> RELATIVE = java.util.Set.of("that", "which", "who");

  /** The weight of a clause telling the history of an ended conflict, as of a "despite" clause. */
  private static final double BACKGROUND = 0.35;

  /** Auxiliaries before a change word ("has fallen"): its subject may stand further back. */
  private static final java.util.Set<String> AUXILIARIES =
      java.util.Set.of(
          "has", "have", "had", "is", "are", "was", "were", "been", "remained", "remains");

  /** How much further back the subject of "has fallen" may stand ("the wait at ... has fallen"). */
  private static final int AUXILIARY_REACH = 5;

  /** How far after "sign" or "reach" the pact may stand ("signed a new peace treaty"). */
  private static final int PACT_WINDOW = 4;

  private static final Pattern FIRST_IN_YEARS =
      Pattern.compile(
          "\\bfirst(?: time)? (?:in|for) (?:more than |over |almost |nearly |about )?"
              + "(?:\\d+|a|an|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty"
              + "|fifty|several|many) ?(?:-|\\s)?(?:years?|decades?|generations?|centur(?:y|ies))\\b"
              + "|\\bfirst time since (?:\\d{4}|the \\d{4}s)\\b");

  /** What a "first time in N years" adds to a sentence that otherwise has no tone. */
  private static final double FIRST_IN_YEARS_LEAN = 0.6;

  /** How much a "first time in N years" strengthens a bad-news sentence. */
  private static final double FIRST_IN_YEARS_EMPHASIS = 1.25;

  /** Verbs that, before "to" or "into", say where a quantity ended up ("swung to a profit"). */
  private static final java.util.Set<String> SWING_VERBS =
      java.util.Set.of(
          "swung",
          "swing",
          "swings",
          "swinging",
          "turned",
          "turn",
          "turns",
          "returned",
          "return",
          "returns",
          "slipped",
          "slip",
          "slips",
          "slid",
          "slide",
          "slides",
          "fell",
          "falls",
          "fall",
          "sank",
          "sink",
          "sinks",
          "dropped",
          "drop",
          "drops",
          "plunged",
          "plunge",
          "plunges",
          "moved",
          "move",
          "moves",
          "went",
          "go",
          "goes",
          "dipped",
          "dip",
          "dips",
          "tumbled");

  /** How far after "swung to" the quantity may stand ("swung to a 1.1 mln euro net profit"). */
  private static final int SWING_WINDOW = 8;

  /** What a quantity reached by a swing counts ("swung to a profit" is clear news). */
  private static final double SWING = 1.0;

  /**
   * What the other changes of a sentence count when they go against its change of profit or loss
   * ("profit decreased while sales increased"): the bottom line is what a result is judged by.
   */
  private static final double OTHER_LINES = 0.25;

  /** A change of direction with no quantity nearby ("shares rose") counts this much. */
  private static final double BARE_CHANGE = 0.6;

  private final SentimentLexicon lexicon;
  private final QuantityWords quantities;
  private final double threshold;

  SentimentScorer(SentimentLexicon lexicon, double threshold) {
    this.lexicon = lexicon;
    this.quantities = new QuantityWords(lexicon);
    this.threshold = threshold;
  }

  Sentiment classify(double score) {
    if (score >= threshold) {
      return Sentiment.POSITIVE;
    }
    return score <= -threshold ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
  }

  /**
   * The tone of an article: the headline and the leading sentences, the earlier ones weighing more,
   * averaged so that long articles are not pushed to an extreme by length alone.
   */
  double scoreArticle(@Nullable String title, List<String> sentences) {
    double sum = 0;
    double weights = 0;
    if (title != null && !title.isBlank()) {
      sum += 1.5 * scoreSentence(title);
      weights += 1.0;
    }
    int n = Math.min(sentences.size(), 12);
    for (int i = 0; i < n; i++) {
      double w = 1.0 / Math.sqrt(i + 1);
      sum += w * scoreSentence(sentences.get(i));
      weights += w * 0.5;
    }
    return weights == 0 ? 0 : sum / Math.max(1.0, weights);
  }

  double scoreSentence(String sentence) {
    List<String> tokens = QuantityWords.phrases(tokens(sentence));
    double[] weight = clauseWeights(tokens);
    boolean[] used = inNames(sentence, tokens.size());
    double score = swings(tokens, weight, used);
    boolean anyChange = score != 0;
    double bottomLine = 0; // changes of profit or loss
    double otherLines = 0; // changes of everything else: sales, orders, shares, costs
    // changes of quantity first, so that "loss" in "the loss narrowed" is read with its verb
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      int dir = quantities.direction(tokens, i);
      if (dir == 0 || used[i]) {
        continue;
      }
      used[i] = true;
      anyChange = true;
      int q = nearestQuantity(tokens, i, used);
      double value;
      if (q >= 0) {
        // the words between are the quantity's own: "cut emergency room waits" is not an emergency
        for (int k = Math.min(i, q); k <= Math.max(i, q); k++) {
          used[k] = true;
        }
        int kind = lexicon.quality(tokens.get(q));
        int from = startingPoint(tokens, Math.max(i, q), kind, used);
        // "a net loss of 26 mn, down from a net profit of 13 mn": where it ended up is the news
        value = from >= 0 ? kind : dir * kind;
      } else {
        double polar = lexicon.polarity(t);
        // a comparison of size with no quantity named ("much more than just publish") says nothing
        value = polar != 0 ? polar : QuantityWords.SIZES.contains(t) ? 0 : dir * BARE_CHANGE;
      }
      double change = weight[i] * negate(tokens, i, value);
      if (q >= 0 && lexicon.isBottomLine(tokens.get(q))) {
        bottomLine += change;
      } else {
        otherLines += change;
      }
    }
    // "operating profit decreased while net sales increased": the bottom line is the news
    if (bottomLine * otherLines < 0) {
      otherLines *= OTHER_LINES;
    }
    score += bottomLine + otherLines;
    if (!anyChange) {
      score += comparedFigures(sentence);
    }
    score += resolutions(tokens, weight, used);
    boolean settled = sealsPact(tokens);
    for (int i = 0; i < tokens.size(); i++) {
      if (used[i]) {
        continue;
      }
      String t = tokens.get(i);
      double p = lexicon.polarity(t);
      if (p != 0) {
        if (p < 0 && quantities.quality(tokens, i) < 0 && followsFrom(tokens, i)) {
          // "from a loss", "compared with a loss": the bad quantity is behind us; but after a
          // change already read ("the loss increased to 17 mn from a loss of 10.8 mn") it is only
          // the point the change is measured from
          p = anyChange ? 0 : -p;
        } else if (p < 0 && settled && lexicon.isConflict(t)) {
          // "sign an accord after a decade-long dispute": the dispute is what ends
          p = Math.max(-p, RESOLVED);
          background(tokens, weight, i);
        }
        score += weight[i] * negate(tokens, i, p);
      }
    }
    if (FIRST_IN_YEARS.matcher(sentence.toLowerCase(Locale.ROOT)).find()) {
      score = score >= 0 ? score + FIRST_IN_YEARS_LEAN : score * FIRST_IN_YEARS_EMPHASIS;
    }
    return score;
  }

  /**
   * "Swung to a net profit", "slipped into a loss", "returned to profit": a verb of moving and
   * "to"/"into" before a quantity says the quantity is where things now stand, so it is good or bad
   * news by the quantity alone, whatever the verb's own direction ("slipped" is down, but "slipped
   * to a loss" is bad). Marks the words used; returns their score.
   */
  private double swings(List<String> tokens, double[] weight, boolean[] used) {
    double score = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!SWING_VERBS.contains(tokens.get(i))
          || !(tokens.get(i + 1).equals("to") || tokens.get(i + 1).equals("into"))) {
        continue;
      }
      int words = 0;
      for (int j = i + 2; words < SWING_WINDOW && j < tokens.size(); j++) {
        String t = tokens.get(j);
        words +=
            QuantityWords.isFigure(t) ? 0 : 1; // "swung to a 1.1 mln euro $ 1.4 mln net profit"
        if (isClauseBreak(t) || t.equals(",") || t.equals("from")) {
          break;
        }
        int q = lexicon.quality(t);
        if (q != 0 && !used[j]) {
          for (int k = i; k <= j; k++) {
            used[k] = true;
          }
          score += weight[j] * negate(tokens, i, q * SWING);
          break;
        }
      }
    }
    return score;
  }

  /**
   * The index of a quantity of the other kind that a change starts from ("down from a net profit",
   * "rose to a profit from a loss"), marked used, or -1: "from" within three words after the change
   * and its quantity, the quantity within four words after "from", figures not counted.
   */
  private int startingPoint(List<String> tokens, int end, int kind, boolean[] used) {
    int words = 0;
    int from = -1;
    for (int j = end + 1; j < tokens.size() && words < 3 && from < 0; j++) {
      String t = tokens.get(j);
      if (isClauseBreak(t)) {
        return -1;
      }
      words += QuantityWords.isFigure(t) || t.equals(",") ? 0 : 1;
      from = t.equals("from") ? j : -1;
    }
    words = 0;
    for (int j = from + 1; from >= 0 && j < tokens.size() && words < 4; j++) {
      String t = tokens.get(j);
      words += QuantityWords.isFigure(t) ? 0 : 1;
      int q = quantities.quality(tokens, j);
      if (q != 0) {
        if (q != -kind) {
          return -1;
        }
        used[j] = true;
        return j;
      }
    }
    return -1;
  }

  /**
   * "Ending a dispute", "settled the strike": a conflict word shortly after a verb that ends it, in
   * the same clause, counts as good news. Marks both words used; returns their score.
   */
  private double resolutions(List<String> tokens, double[] weight, boolean[] used) {
    double score = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (used[i] || !lexicon.isResolver(tokens.get(i)) && !lexicon.isEnder(tokens.get(i))) {
        continue;
      }
      boolean resolved = false;
      for (int j = i + 1;
          lexicon.isResolver(tokens.get(i)) && j <= i + RESOLUTION_WINDOW && j < tokens.size();
          j++) {
        String t = tokens.get(j);
        if (isClauseBreak(t) || t.equals(",")) {
          break;
        }
        double p = lexicon.polarity(t);
        if (!used[j] && p < 0 && lexicon.isConflict(t)) {
          for (int k = i; k <= j; k++) {
            used[k] = true; // "ends a bitter dispute": the bitterness ends with it
          }
          score += weight[j] * negate(tokens, i, Math.max(-p, RESOLVED));
          background(tokens, weight, j);
          resolved = true;
          break;
        }
      }
      if (!resolved) {
        score += endsSomethingGood(tokens, i, weight, used);
      }
    }
    return score;
  }

  /**
   * "Ending their customer cooperation", "will terminate 5 employment contracts": ending what is
   * good news is bad news, at least as bad as ending a conflict is good. The good thing is the
   * verb's object: within three words after it, figures and determiners not counted, with no
   * preposition between ("ended the year with strong sales" ends the year, not the sales); "the end
   * of" is a noun. Marks the words used; returns their score.
   */
  private double endsSomethingGood(List<String> tokens, int i, double[] weight, boolean[] used) {
    if (i + 1 < tokens.size() && tokens.get(i + 1).equals("of")
        || i > 0 && DETERMINERS.contains(tokens.get(i - 1))) {
      return 0;
    }
    int words = 0;
    for (int j = i + 1; j < tokens.size() && words < 3; j++) {
      String t = tokens.get(j);
      if (isClauseBreak(t) || t.equals(",") || PREPOSITIONS.contains(t)) {
        return 0;
      }
      words += QuantityWords.isFigure(t) || DETERMINERS.contains(t) ? 0 : 1;
      double p = lexicon.polarity(t);
      if (!used[j] && p > 0) {
        for (int k = i; k <= j; k++) {
          used[k] = true;
        }
        return weight[j] * negate(tokens, i, -Math.max(p, RESOLVED));
      }
    }
    return 0;
  }

  private static final java.util.Set<String> DETERMINERS =
      java.util.Set.of("the", "a", "an", "this", "that", "its", "their", "our", "his", "her");

  /** Words that link clauses or phrases: what follows them is not the noun a word describes. */
  private static final java.util.Set<String> LINKS =
      java.util.Set.of(
          "although",
          "though",
          "despite",
          "while",
          "whereas",
          "and",
          "or",
          "as",
          "because",
          "since",
          "when",
          "after",
          "before",
          "if",
          "which",
          "that",
          "in",
          "of",
          "to",
          "from",
          "by",
          "at",
          "on",
          "for",
          "with");

  private static final java.util.Set<String> PREPOSITIONS =
      java.util.Set.of(
          "with", "in", "at", "on", "by", "for", "of", "to", "from", "after", "before", "since",
          "during", "until", "as", "into");

  /**
   * "Ending a dispute that soured relations": a relative clause right after a conflict that ends
   * tells its history, which weighs little against the news that it ended.
   */
  private static void background(List<String> tokens, double[] weight, int conflict) {
    int k = conflict + 1;
    if (k >= tokens.size() || !RELATIVE.contains(tokens.get(k))) {
      return;
    }
    for (k++; k < tokens.size(); k++) {
      String t = tokens.get(k);
      if (t.equals(",") || isClauseBreak(t)) {
        return;
      }
      weight[k] *= BACKGROUND;
    }
  }

  /** Whether the sentence reports a settlement made: "signed an accord", "reached a deal". */
  private boolean sealsPact(List<String> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (!lexicon.isSealer(tokens.get(i)) || negate(tokens, i, 1) < 0) {
        continue;
      }
      for (int j = i + 1; j <= i + PACT_WINDOW && j < tokens.size(); j++) {
        if (lexicon.isPact(tokens.get(j))) {
          return true;
        }
        if (isClauseBreak(tokens.get(j)) || tokens.get(j).equals(",")) {
          break;
        }
      }
    }
    return false;
  }

  /**
   * "Sales were EUR 5.2 mn, compared with EUR 4.1 mn": with no word of direction, the two figures
   * give it. Returns the quantity's quality times the sign of the change, or 0.
   */
  double comparedFigures(String sentence) {
    String text = SPLIT_DECIMAL.matcher(sentence.toLowerCase(Locale.ROOT)).replaceAll("$1.$2");
    Matcher m = COMPARED.matcher(text);
    if (!m.find()) {
      return 0;
    }
    int quality = 0;
    List<String> between = tokens(text.substring(m.end(1), m.start(2)));
    for (String t : tokens(text.substring(0, m.start(1)))) {
      int q = lexicon.quality(t);
      if (q != 0) {
        quality = q; // the last quantity named before the first figure
      }
    }
    if (quality == 0) {
      return 0;
    }
    // "a loss of EUR 0.3 mn, compared to a profit of EUR 3.6 mn": two kinds, the first is the news
    for (int j = 0; j < between.size(); j++) {
      int q = quantities.quality(between, j);
      if (q != 0 && q != quality) {
        return quality;
      }
    }
    double first = number(m.group(1));
    double second = number(m.group(2));
    if (Double.isNaN(first) || Double.isNaN(second) || first == second) {
      return 0;
    }
    return quality * (first > second ? 1 : -1);
  }

  private static double number(String s) {
    try {
      return Double.parseDouble(s.replace(",", ""));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * The value flipped when a negator stands within three words before {@code i}, determiners not
   * counted ("does not have the strength").
   */
  private double negate(List<String> tokens, int i, double value) {
    int words = 0;
    for (int j = i - 1; j >= 0 && words < NEGATION_WINDOW; j--) {
      String t = tokens.get(j);
      if (!DETERMINERS.contains(t)) {
        words++;
      }
      if (t.equals(",") || t.equals(";")) {
        continue;
      }
      if (lexicon.isNegator(t)) {
        return -value;
      }
    }
    return value;
  }

  private boolean followsFrom(List<String> tokens, int i) {
    int words = 0;
    for (int j = i - 1; j >= 0 && words < 3; j--) {
      String t = tokens.get(j);
      words += QuantityWords.isFigure(t) ? 0 : 1; // "from an EUR 9.6 mn loss"
      if (t.equals("from") || t.equals("compared") || t.equals("versus") || t.equals("vs")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Index of the quantity a change word speaks of, or -1: within the window and the same clause,
   * before the word first ("profit rose") then after it ("a rise in sales"). A bad quantity wins
   * over a good one on the same side, since "loss per share narrowed" is about the loss.
   */
  private int nearestQuantity(List<String> tokens, int i, boolean[] used) {
    // "increased fixed costs", "lower prices": a change word before its noun describes that noun;
    // before a determiner it is a verb with its object after it ("increases the fixed costs")
    boolean object = i + 1 < tokens.size() && DETERMINERS.contains(tokens.get(i + 1));
    for (int j = i + 1; j <= i + (object ? 4 : 2) && j < tokens.size(); j++) {
      String t = tokens.get(j);
      if (isClauseBreak(t) || !Character.isLetter(t.charAt(0)) || LINKS.contains(t)) {
        break; // "profit rose although revenue fell": "rose" does not describe the revenue
      }
      if (!used[j] && lexicon.quality(t) != 0) {
        return j;
      }
    }
    int good = -1;
    // "net sales of EUR 58.9 mn in the second quarter, down from ...": after a comma, the change
    // speaks of the quantity the clause is about, however far back
    boolean appended = i > 0 && tokens.get(i - 1).equals(",");
    int adverbs = i - 1;
    while (adverbs > 0 && tokens.get(adverbs).endsWith("ly")) {
      adverbs--; // "has remained clearly below"
    }
    int before =
        appended
            ? i
            : QUANTITY_WINDOW_BEFORE
                + (adverbs >= 0 && AUXILIARIES.contains(tokens.get(adverbs)) ? AUXILIARY_REACH : 0);
    // figures do not count: "net profit amounted to EE 55.5 mn , which was 36 % more"
    int words = 0;
    for (int j = i - 1; j >= 0 && words < before; j--) {
      if (isClauseBreak(tokens.get(j))) {
        break;
      }
      words += QuantityWords.isFigure(tokens.get(j)) ? 0 : 1;
      int q = used[j] ? 0 : lexicon.quality(tokens.get(j));
      if (q < 0) {
        return j;
      }
      if (q > 0 && good < 0) {
        good = j;
      }
    }
    if (good >= 0) {
      return good;
    }
    for (int d = 1; d <= QUANTITY_WINDOW && i + d < tokens.size(); d++) {
      int j = i + d;
      if (isClauseBreak(tokens.get(j))) {
        break;
      }
      int q = used[j] ? 0 : lexicon.quality(tokens.get(j));
      if (q < 0) {
        return j;
      }
      if (q > 0 && good < 0) {
        good = j;
      }
    }
    return good;
  }

  private static boolean isClauseBreak(String t) {
    return t.equals(";") || t.equals("but") || t.equals("while");
  }

  /** Per-token weights from contrast words; 1.0 where none applies. */
  static double[] clauseWeights(List<String> tokens) {
    double[] w = new double[tokens.size()];
    java.util.Arrays.fill(w, 1.0);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("but") || t.equals("however") || t.equals("yet") && i > 0) {
        for (int j = 0; j < i; j++) {
          w[j] *= 0.6;
        }
        for (int j = i + 1; j < tokens.size(); j++) {
          w[j] *= 1.3;
        }
      } else if (t.equals("despite")
          || t.equals("although")
          || t.equals("though")
          || t.equals("notwithstanding")) {
        int j = i + 1;
        while (j < tokens.size() && !tokens.get(j).equals(",") && !tokens.get(j).equals(";")) {
          w[j] *= 0.35;
          j++;
        }
      }
    }
    return w;
  }

  /**
   * Marks the words of multi-word names inside a sentence ("Lowther Falls", "Rising Star Ltd"), so
   * that their words carry neither direction nor tone. A sentence written mostly in capitals (a
   * title-case headline) has no such marks: there the capitals say nothing.
   */
  static boolean[] inNames(String sentence, int size) {
    boolean[] name = new boolean[size];
    List<String> cased = new ArrayList<>();
    Matcher m = TOKEN.matcher(sentence);
    while (m.find()) {
      cased.add(m.group());
    }
    if (cased.size() != size) {
      return name; // the lower-case and cased token lists do not line up; mark nothing
    }
    int dated = 0;
    // a dateline in capitals ("LOWTHER FALLS — A year after ...") names a place
    boolean hasDateline = DATELINE.matcher(sentence).lookingAt();
    for (int i = 0; hasDateline && i + 1 < size; i++) {
      if (!cased.get(i).equals(cased.get(i).toUpperCase(Locale.ROOT))) {
        break;
      }
      name[i] = true;
      dated++;
    }
    int capitalised = 0;
    int words = 0;
    for (String t : cased.subList(dated, size)) {
      if (Character.isLetter(t.charAt(0))) {
        words++;
        if (Character.isUpperCase(t.charAt(0))) {
          capitalised++;
        }
      }
    }
    if (capitalised * 2 > words) {
      return name;
    }
    for (int i = 1; i < size; i++) {
      boolean upper = isCapitalised(cased.get(i));
      if (upper
          && (isCapitalised(cased.get(i - 1)) && i - 1 > 0
              || i + 1 < size && isCapitalised(cased.get(i + 1)))) {
        name[i] = true;
      }
    }
    return name;
  }

  private static boolean isCapitalised(String t) {
    return Character.isUpperCase(t.charAt(0))
        && t.length() > 1
        && !t.equals(t.toUpperCase(Locale.ROOT)); // "EU", "GDP" are not names of this kind
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      // "co-operation" and "cooperation" are one word to the lexicon
      String t = m.group().replace('’', '\'');
      out.add(
          t.indexOf('-') > 0 && !t.startsWith("pre-") && !t.startsWith("non-")
              ? t.replace("-", "")
              : t);
    }
    return out;
  }
}
