package dev.pulse.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Common English words (SCOWL's lower-case entries, see common-words.NOTICE), with the inflections
 * and British spellings a dictionary lists only once (not compounds: "liverpool" is a name). In
 * text without capital letters a word the lexicon does not know is taken for a name.
 */
final class Lexicon {

  private static final String RESOURCE = "common-words.txt.gz";
  private static volatile Lexicon standard;

  private final Set<String> words;

  Lexicon(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  /** The bundled word list, read once. */
  static Lexicon standard() {
    Lexicon l = standard;
    if (l == null) {
      synchronized (Lexicon.class) {
        if (standard == null) {
          standard = load();
        }
        l = standard;
      }
    }
    return l;
  }

  private static Lexicon load() {
    Set<String> words = new HashSet<>(70_000);
    try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r =
          new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new Lexicon(words);
  }

  /** Whether a lower-case word is a common word, directly, inflected or spelt the British way. */
  boolean isCommon(String word) {
    String w = word.replace('\u2019', '\'');
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    if (known(w)) {
      return true;
    }
    for (String base : Inflections.bases(w)) {
      if (known(base)) {
        return true;
      }
    }
    return false;
  }

  private boolean known(String w) {
    if (words.contains(w)) {
      return true;
    }
    for (String v : Inflections.americanSpellings(w)) {
      if (words.contains(v)) {
        return true;
      }
    }
    return false;
  }
}
