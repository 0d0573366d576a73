package dev.pulse.analyze.embedded;

import dev.pulse.text.Stopwords;
import dev.pulse.text.WordTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 1-3 key phrases of an article: names (runs of capitalised words) and repeated runs of content
 * words, ranked by how often they occur, with a boost for the headline and the opening sentence.
 * Phrases contained in a better-ranked one are dropped. Function words are those of the article's
 * language (declared, or guessed by {@link Stopwords#language}); a tag is never a function word of
 * any language Pulse knows, nor a bare abbreviation such as "St".
 */
final class TopicExtractor {

  private static final int MAX_TOPICS = 3;
  private static final int MAX_PHRASE_WORDS = 3;
  private static final Set<String> NAME_JOINERS =
      Set.of("of", "de", "del", "di", "da", "van", "von", "du", "la", "&");
  /** "St.", "Mt.", "Dr.": a short capitalised word with a full stop, not a sentence end. */
  private static final Pattern ABBREVIATION = Pattern.compile("\\p{Lu}\\p{Ll}{1,2}\\.");
  /** A two-letter word in mixed case ("St", "Mt") is a fragment, never a topic on its own. */
  private static final Pattern FRAGMENT = Pattern.compile("\\p{Lu}\\p{Ll}\\.?");
  /** Capitalised words that are rarely a topic on their own. */
  private static final Set<String> WEAK_NAMES =
      Set.of(
          "the", "a", "an", "but", "and", "in", "on", "at", "it", "he", "she", "they", "we", "i",
          "this", "that", "there", "mr", "mrs", "ms", "dr", "if", "as", "for", "when", "after",
          "while", "his", "her", "their", "its", "our", "some", "many", "one", "two", "new",
          "last", "first", "now", "so", "what", "why", "how", "monday", "tuesday", "wednesday",
          "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
          "may", "june", "july", "august", "september", "october", "november", "december",
          "cnn", "reuters", "ap", "afp", "bbc", "said", "says", "according", "also", "however",
          "meanwhile", "yesterday", "today", "tomorrow", "image", "photo", "video", "read");

  private static final class Phrase {
    String surface;
    double score;
    int count;
    boolean name;

    Phrase(String surface) {
      this.surface = surface;
    }
  }

  List<String> extract(String title, List<String> sentences) {
    return extract(title, sentences, null);
  }

  /**
   * @param language the article's declared BCP 47 language tag, or null to guess it from the text
   */
  List<String> extract(String title, List<String> sentences, String language) {
    String lang = Stopwords.language(language, title, sentences);
    Set<String> stop = lang.equals(Stopwords.ENGLISH) ? Set.of() : Stopwords.of(lang);
    Map<String, Phrase> phrases = new LinkedHashMap<>();
    List<String> texts = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      texts.add(title);
    }
    texts.addAll(sentences.subList(0, Math.min(sentences.size(), 40)));
    for (int s = 0; s < texts.size(); s++) {
      boolean isTitle = s == 0 && title != null && !title.isBlank();
      int position = isTitle ? -1 : s - (title == null || title.isBlank() ? 0 : 1);
      double boost = isTitle ? 2.5 : position == 0 ? 1.6 : position < 3 ? 1.2 : 1.0;
      collect(texts.get(s), boost, stop, phrases);
    }
    List<Phrase> ranked = new ArrayList<>(phrases.values());
    // a phrase must recur to count as a topic, unless it is a name
    ranked.removeIf(p -> !p.name && (p.count < 2 || p.score < 1.5));
    ranked.removeIf(p -> !isTag(p.surface));
    ranked.sort((a, b) -> Double.compare(b.score, a.score));
    List<String> out = new ArrayList<>();
    List<String> lowerOut = new ArrayList<>();
    for (Phrase p : ranked) {
      String lower = p.surface.toLowerCase(Locale.ROOT);
      boolean overlaps = false;
      for (String o : lowerOut) {
        if (o.contains(lower) || lower.contains(o)) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        out.add(p.surface);
        lowerOut.add(lower);
      }
      if (out.size() == MAX_TOPICS) {
        break;
      }
    }
    if (out.isEmpty()) {
      for (Phrase p : phrases.values()) {
        if (isTag(p.surface)) {
          out.add(p.surface);
          break;
        }
      }
    }
    return out;
  }

  /** Whether a phrase may be shown as a tag: not only function words, not a bare abbreviation. */
  static boolean isTag(String surface) {
    if (FRAGMENT.matcher(surface).matches()) {
      return false;
    }
    for (String w : surface.split(" ")) {
      String lower = w.toLowerCase(Locale.ROOT).replace(".", "");
      boolean acronym = w.length() > 1 && Character.isLetter(w.charAt(0))
          && w.equals(w.toUpperCase(Locale.ROOT)); // "US", "IT": not the words "us", "it"
      boolean function =
          Stopwords.isAny(lower) || WEAK_NAMES.contains(lower) || NAME_JOINERS.contains(lower);
      if (acronym || !function) {
        return true;
      }
    }
    return false;
  }

  private static void collect(
      String text, double boost, Set<String> stop, Map<String, Phrase> phrases) {
    String[] raw = text.split("[\\s\u00a0]+");
    List<String> words = new ArrayList<>();
    List<Boolean> breaks = new ArrayList<>();
    for (int k = 0; k < raw.length; k++) {
      String r = raw[k];
      boolean abbreviation = ABBREVIATION.matcher(r).matches()
          && k + 1 < raw.length && isCapitalised(raw[k + 1]);
      String w = abbreviation ? r : r.replaceAll("^[^\\p{L}\\p{N}&]+|[^\\p{L}\\p{N}]+$", "");
      w = w.replaceAll("['’]s$", "");
      words.add(w);
      breaks.add(
          !abbreviation && !r.isEmpty() && ",.;:!?)\"”".indexOf(r.charAt(r.length() - 1)) >= 0);
    }
    collectNames(words, breaks, boost, stop, phrases);
    collectContentRuns(words, breaks, boost, stop, phrases);
  }

  private static void collectNames(
      List<String> words, List<Boolean> breaks, double boost, Set<String> stop,
      Map<String, Phrase> phrases) {
    int i = 0;
    while (i < words.size()) {
      String w = words.get(i);
      String lower = w.toLowerCase(Locale.ROOT).replace(".", "");
      // "El", "Le", "Die": the article's own language's function words do not start a name
      boolean function = stop.contains(lower) && !w.equals(w.toUpperCase(Locale.ROOT));
      if (!isCapitalised(w) || WEAK_NAMES.contains(lower) || function) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < words.size() && !breaks.get(j - 1)
          && (isCapitalised(words.get(j))
              || (NAME_JOINERS.contains(words.get(j)) && j + 1 < words.size() && isCapitalised(words.get(j + 1))))) {
        j++;
      }
      if (j - i <= 4) {
        String surface = String.join(" ", words.subList(i, j));
        boolean sentenceStart = i == 0;
        if (!(sentenceStart && j - i == 1)) {
          add(phrases, surface, boost * (1.3 + 0.3 * (j - i - 1)), true);
        } else {
          add(phrases, surface, boost * 0.5, false);
        }
      }
      i = j;
    }
  }

  private static void collectContentRuns(
      List<String> words, List<Boolean> breaks, double boost, Set<String> stop,
      Map<String, Phrase> phrases) {
    int i = 0;
    while (i < words.size()) {
      if (!isTopicWord(words.get(i).toLowerCase(Locale.ROOT), stop)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < words.size() && !breaks.get(j - 1)
          && isTopicWord(words.get(j).toLowerCase(Locale.ROOT), stop)) {
        j++;
      }
      // every 1- to 3-word stretch of the run: repeated ones rise to the top
      for (int k = i; k < j; k++) {
        for (int len = 1; len <= MAX_PHRASE_WORDS && k + len <= j; len++) {
          String phrase = String.join(" ", words.subList(k, k + len)).toLowerCase(Locale.ROOT);
          add(phrases, phrase, boost * (len == 1 ? 0.7 : 0.8 + 0.2 * len), false);
        }
      }
      i = j;
    }
  }

  private static boolean isTopicWord(String w, Set<String> stop) {
    return w.length() > 2 && WordTokens.isContent(w) && !WEAK_NAMES.contains(w) && !stop.contains(w)
        && !w.endsWith("ly") && Character.isLetter(w.charAt(0))
        && Character.isLetterOrDigit(w.charAt(w.length() - 1));
  }

  private static boolean isCapitalised(String w) {
    return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT))
        || w.length() > 1 && w.length() <= 5 && w.equals(w.toUpperCase(Locale.ROOT)) && Character.isLetter(w.charAt(0));
  }

  private static void add(Map<String, Phrase> phrases, String surface, double score, boolean name) {
    if (surface.isBlank()) {
      return;
    }
    String key = surface.toLowerCase(Locale.ROOT);
    Phrase p = phrases.computeIfAbsent(key, k -> new Phrase(surface));
    p.score += score;
    p.count++;
    if (name && !p.name) {
      p.surface = surface; // "Sony" rather than the "sony" of a word run
    }
    p.name |= name;
  }
}
