package dev.pulse.analyze.embedded;

import dev.pulse.analyze.Category;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.embed.Embedder;
import dev.pulse.text.WordTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Zero-shot category from the taxonomy alone. Each category has a prototype (the mean embedding of
 * its description and example headlines) and its examples kept one by one; an article is embedded
 * from its headline and opening, and scored against both. Keywords found in the headline and
 * opening add evidence, which matters most when the text is too short for a sure embedding.
 */
final class CategoryClassifier {

  /** Words of the opening embedded together; the model reads at most 256 word pieces anyway. */
  private static final int LEAD_WORDS = 90;

  private static final int KEYWORD_SCAN_WORDS = 350;
  private static final int NEIGHBOURS = 3;

  /** Weights of the prototype match, the nearest examples and the keyword evidence. */
  private static final double W_PROTO = 2.0;

  private static final double W_KNN = 1.5;
  private static final double W_KW = 0.25;

  /**
   * The headline's share of the article vector, relative to the opening's: headlines are short and
   * often playful, so the opening says more about the subject.
   */
  private static final float TITLE_SHARE = 0.5f;

  private final Embedder embedder;
  private final List<Category> categories;
  private final float[][] prototypes;
  private final float[][][] examples;
  private final List<Map<String, Double>> keywords = new ArrayList<>();

  CategoryClassifier(Taxonomy taxonomy, Embedder embedder) {
    this.embedder = embedder;
    this.categories = taxonomy.categories();
    int n = categories.size();
    prototypes = new float[n][];
    examples = new float[n][][];
    for (int c = 0; c < n; c++) {
      Category cat = categories.get(c);
      List<String> texts = new ArrayList<>();
      texts.add(cat.name() + ": " + cat.description());
      texts.addAll(cat.examples());
      List<float[]> vectors = embedder.embedAll(texts);
      prototypes[c] = normalise(mean(vectors));
      examples[c] =
          vectors.subList(cat.examples().isEmpty() ? 0 : 1, vectors.size()).toArray(new float[0][]);
      Map<String, Double> kw = new HashMap<>();
      for (String k : cat.keywords()) {
        kw.merge(normalForm(k), 1.0, Math::max);
      }
      keywords.add(kw);
    }
    // a keyword listed under several categories ("fans", "virus") is weaker evidence for each
    Map<String, Integer> owners = new HashMap<>();
    keywords.forEach(kw -> kw.keySet().forEach(k -> owners.merge(k, 1, Integer::sum)));
    keywords.forEach(kw -> kw.replaceAll((k, w) -> w / owners.get(k)));
  }

  String classify(@Nullable String title, List<String> sentences) {
    return categories.get(best(scores(title, sentences))).name();
  }

  double[] scores(@Nullable String title, List<String> sentences) {
    String lead = leadText(sentences, LEAD_WORDS);
    List<String> inputs = new ArrayList<>();
    boolean hasTitle = title != null && !title.isBlank();
    if (hasTitle) {
      inputs.add(title);
    }
    if (!lead.isBlank()) {
      inputs.add(lead);
    }
    if (inputs.isEmpty()) {
      inputs.add("");
    }
    List<float[]> vectors = embedder.embedAll(inputs);
    float[] doc;
    if (hasTitle && vectors.size() == 2) {
      doc = normalise(mean(List.of(scale(vectors.get(0), TITLE_SHARE), vectors.get(1))));
    } else {
      doc = normalise(mean(vectors));
    }
    double[] kw = keywordEvidence(title, sentences);
    int n = categories.size();
    double[] score = new double[n];
    for (int c = 0; c < n; c++) {
      double proto = Embedder.cosine(doc, prototypes[c]);
      double knn = neighbours(doc, examples[c]);
      score[c] = W_PROTO * proto + W_KNN * knn + W_KW * kw[c];
    }
    return score;
  }

  private static double neighbours(float[] doc, float[][] vectors) {
    if (vectors.length == 0) {
      return 0;
    }
    double[] sims = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      sims[i] = Embedder.cosine(doc, vectors[i]);
    }
    java.util.Arrays.sort(sims);
    int k = Math.min(NEIGHBOURS, sims.length);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += sims[sims.length - 1 - i];
    }
    return sum / k;
  }

  /** Per category: log-damped count of keyword hits, the headline counting double. */
  double[] keywordEvidence(@Nullable String title, List<String> sentences) {
    String head = " " + normalForm(title) + " ";
    String body = " " + normalForm(leadText(sentences, KEYWORD_SCAN_WORDS)) + " ";
    double[] out = new double[categories.size()];
    for (int c = 0; c < out.length; c++) {
      double hits = 0;
      for (Map.Entry<String, Double> k : keywords.get(c).entrySet()) {
        String needle = " " + k.getKey() + " ";
        hits += k.getValue() * (2 * occurrences(head, needle) + occurrences(body, needle));
      }
      out[c] = Math.log1p(hits);
    }
    return out;
  }

  /** Lower-case tokens with a plain plural "s" dropped, so "goal" also finds "goals". */
  static String normalForm(@Nullable String text) {
    StringBuilder sb = new StringBuilder();
    for (String t : WordTokens.of(text)) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      boolean plural =
          t.length() > 3
              && t.endsWith("s")
              && !t.endsWith("ss")
              && !t.endsWith("us")
              && !t.endsWith("is");
      sb.append(plural ? t.substring(0, t.length() - 1) : t);
    }
    return sb.toString();
  }

  private static int occurrences(String hay, String needle) {
    int count = 0;
    int from = 0;
    while ((from = hay.indexOf(needle, from)) >= 0) {
      count++;
      from += needle.length() - 1;
    }
    return count;
  }

  static String leadText(List<String> sentences, int maxWords) {
    StringBuilder sb = new StringBuilder();
    int words = 0;
    for (String s : sentences) {
      if (words >= maxWords) {
        break;
      }
      int w = WordTokens.count(s);
      if (words > 0 && words + w > maxWords * 1.3) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : " ").append(s);
      words += w;
    }
    return sb.toString();
  }

  private static int best(double[] score) {
    int b = 0;
    for (int i = 1; i < score.length; i++) {
      if (score[i] > score[b]) {
        b = i;
      }
    }
    return b;
  }

  static float[] scale(float[] v, float f) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * f;
    }
    return out;
  }

  static float[] mean(List<float[]> vectors) {
    float[] m = new float[vectors.get(0).length];
    for (float[] v : vectors) {
      for (int i = 0; i < m.length; i++) {
        m[i] += v[i];
      }
    }
    return m;
  }

  static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
