package dev.pulse.publish;

import dev.pulse.store.Entry;
import dev.pulse.text.WordTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The roll-up without a model: one line composed across the stories, naming their distinct
 * developments. Each story's development is its headline (the stories arrive most central first); a
 * headline that mostly repeats one already chosen is passed over, and whole headlines are joined —
 * "A, while B and C." — as long as the line stays within {@value #MAX_WORDS} words, so nothing is
 * ever cut mid-phrase. A joined headline's first word keeps its capital only when the stories write
 * it capitalised in mid-sentence (a name), so the line reads as one sentence. With one usable
 * headline the line is that headline; with none, the topic's label.
 */
final class ExtractiveTopicSummarizer implements TopicSummarizer {

  static final ExtractiveTopicSummarizer INSTANCE = new ExtractiveTopicSummarizer();

  /** Most words of a roll-up. */
  static final int MAX_WORDS = 40;

  /** Most developments named in one line. */
  private static final int MAX_DEVELOPMENTS = 3;

  /** A headline sharing more than this share of its content words with a chosen one repeats it. */
  private static final double REPEAT = 0.6;

  /** " | Outlet", " - Outlet", " — Outlet" after a headline. */
  private static final Pattern SITE_SUFFIX =
      Pattern.compile("\\s+[|\u2013\u2014-]\\s+[^|\u2013\u2014-]{2,40}$");

  private static final Pattern FEATURE =
      Pattern.compile(
          "^[^:]{1,40}:\\s+(how|why|what|who|when|where|inside|the story|a day|meet)\\b",
          Pattern.CASE_INSENSITIVE);

  private ExtractiveTopicSummarizer() {}

  @Override
  public String rollUp(String label, List<Entry> stories) {
    List<String> chosen = new ArrayList<>();
    List<Set<String>> chosenWords = new ArrayList<>();
    int words = 0;
    for (Entry e : stories) {
      if (chosen.size() == MAX_DEVELOPMENTS) {
        break;
      }
      String headline = headline(e.title());
      if (headline == null) {
        continue;
      }
      Set<String> content = contentWords(headline);
      if (content.isEmpty() || chosenWords.stream().anyMatch(c -> repeats(content, c))) {
        continue;
      }
      int n = headline.split(" ").length;
      if (words + n + 1 > MAX_WORDS) {
        continue;
      }
      chosen.add(headline);
      chosenWords.add(content);
      words += n + 1;
    }
    if (chosen.isEmpty()) {
      return label;
    }
    StringBuilder line = new StringBuilder(chosen.get(0));
    for (int k = 1; k < chosen.size(); k++) {
      line.append(k == 1 ? ", while " : " and ").append(sentenceCase(chosen.get(k), stories));
    }
    return line.append('.').toString();
  }

  /**
   * The headline as a development: without an outlet suffix or closing punctuation; null when
   * blank, or when it announces a feature rather than news (a question, or a kicker and colon
   * followed by "how", "why", "what"...: "Inside Ostmere: how the fab works").
   */
  static @Nullable String headline(@Nullable String title) {
    String t = Text.display(title);
    if (t == null) {
      return null;
    }
    t = SITE_SUFFIX.matcher(t).replaceFirst("").strip();
    if (t.endsWith("?") || FEATURE.matcher(t).find()) {
      return null;
    }
    t = t.replaceAll("[.;:!]+$", "").strip();
    return t.isEmpty() ? null : t;
  }

  private static boolean repeats(Set<String> candidate, Set<String> chosen) {
    long shared = candidate.stream().filter(chosen::contains).count();
    return shared > REPEAT * Math.min(candidate.size(), chosen.size());
  }

  /**
   * The headline with its first letter in lower case, unless its first word is a name — the stories
   * write it capitalised in mid-sentence, on its own or followed by the headline's next word
   * ("Halvorsen opens", "Halvorsen Microsystems opens"; not "Regional" from "Tamsel Regional
   * Assembly" for "Regional assembly splits") — or an acronym or a number.
   */
  private static String sentenceCase(String headline, List<Entry> stories) {
    String[] words = headline.split(" ");
    String first = words[0];
    if (first.length() < 2
        || !Character.isUpperCase(first.charAt(0))
        || !first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT))) {
      return headline;
    }
    String next = words.length > 1 ? words[1] : "";
    Pattern midSentence =
        Pattern.compile("(?<=[\\p{L}\\p{N},;:)]\\s)" + Pattern.quote(first) + "\\b\\W*(\\S*)");
    for (Entry e : stories) {
      Matcher m = midSentence.matcher(e.title() + ". " + e.summary() + ". " + e.text());
      while (m.find()) {
        String after = m.group(1);
        if (after.isEmpty() || after.equals(next) || !Character.isUpperCase(after.charAt(0))) {
          return headline;
        }
      }
    }
    return first.toLowerCase(Locale.ROOT) + headline.substring(first.length());
  }

  private static Set<String> contentWords(String text) {
    Set<String> out = new HashSet<>();
    for (String w : WordTokens.of(text)) {
      if (!WordTokens.isStopWord(w)) {
        out.add(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
      }
    }
    return out;
  }
}
