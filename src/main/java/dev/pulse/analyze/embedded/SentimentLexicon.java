package dev.pulse.analyze.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word lists for tone: polar words with weights, words for which way a quantity moved, quantities
 * whose rise is good or bad news, negators, and the words of a conflict and of its settlement. Read
 * from {@code sentiment-lexicon.txt} on the class path; entries ending in {@code *} match any
 * ending. Immutable once built.
 */
final class SentimentLexicon {

  private final Map<String, Double> polar = new HashMap<>();
  private final List<Map.Entry<String, Double>> polarPrefixes = new ArrayList<>();
  private final Map<String, Set<String>> sets = new HashMap<>();
  private final Map<String, List<String>> prefixSets = new HashMap<>();

  private SentimentLexicon() {}

  static SentimentLexicon fromClasspath() {
    String name = "sentiment-lexicon.txt";
    try (InputStream in = SentimentLexicon.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  static SentimentLexicon parse(String text) {
    SentimentLexicon lex = new SentimentLexicon();
    String section = "";
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          section = line.substring(1, line.length() - 1);
          continue;
        }
        String[] parts = line.split("\\s+");
        String word = parts[0].toLowerCase(Locale.ROOT);
        if (section.equals("positive") || section.equals("negative")) {
          double w = parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0;
          w = section.equals("negative") ? -Math.abs(w) : Math.abs(w);
          if (word.endsWith("*")) {
            lex.polarPrefixes.add(Map.entry(word.substring(0, word.length() - 1), w));
          } else {
            lex.polar.put(word, w);
          }
        } else if (word.endsWith("*")) {
          lex.prefixSets
              .computeIfAbsent(section, k -> new ArrayList<>())
              .add(word.substring(0, word.length() - 1));
        } else {
          lex.sets.computeIfAbsent(section, k -> new HashSet<>()).add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // longer prefixes first, so "profitab" would win over "profit"
    lex.polarPrefixes.sort((a, b) -> b.getKey().length() - a.getKey().length());
    return lex;
  }

  /** The word's polarity weight, 0 when it carries none. */
  double polarity(String token) {
    Double w = polar.get(token);
    if (w != null) {
      return w;
    }
    for (Map.Entry<String, Double> e : polarPrefixes) {
      if (token.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return 0;
  }

  /** +1 for a word saying a quantity rose, -1 for fell, 0 otherwise. */
  int direction(String token) {
    if (in("up", token)) {
      return 1;
    }
    return in("down", token) ? -1 : 0;
  }

  /** +1 for a quantity whose rise is good news (profit), -1 for bad (loss), 0 for neither. */
  int quality(String token) {
    if (in("bad", token)) {
      return -1;
    }
    return in("good", token) ? 1 : 0;
  }

  /** A verb that ends a conflict: "end", "resolve", "settle". */
  boolean isResolver(String token) {
    return in("resolve", token);
  }

  /** A quantity of the bottom line: "profit", "loss", "earnings", "result". */
  boolean isBottomLine(String token) {
    return in("bottom", token);
  }

  /** A verb that ends or calls off something: "terminate", "cancel", "discontinue". */
  boolean isEnder(String token) {
    return in("ender", token);
  }

  /** A word naming a conflict: "dispute", "quarrel", "strike". */
  boolean isConflict(String token) {
    return in("conflict", token);
  }

  /** A noun of a settlement: "accord", "treaty", "deal". */
  boolean isPact(String token) {
    return in("pact", token);
  }

  /** A verb that makes a settlement: "sign", "reach", "seal". */
  boolean isSealer(String token) {
    return in("sealed", token);
  }

  boolean isNegator(String token) {
    return in("negators", token) || token.endsWith("n't");
  }

  private boolean in(String section, String token) {
    Set<String> s = sets.get(section);
    if (s != null && s.contains(token)) {
      return true;
    }
    List<String> prefixes = prefixSets.get(section);
    if (prefixes != null) {
      for (String p : prefixes) {
        if (token.startsWith(p)) {
          return true;
        }
      }
    }
    return false;
  }
}
