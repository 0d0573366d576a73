package dev.pulse.text;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Function words of the languages Pulse meets most (English, Spanish, French, German, Portuguese,
 * Italian), for the topic tags, and a guess at an article's language from how many of them it uses.
 * Written by hand from general grammar. Words that are also common English content words ("war",
 * "son", "car", "man", "hat", "era", "pour") are left out of the other languages' lists, so that an
 * English story about a war can still be tagged "war".
 */
public final class Stopwords {

  public static final String ENGLISH = "en";

  private static final Map<String, Set<String>> BY_LANGUAGE = new LinkedHashMap<>();

  static {
    BY_LANGUAGE.put(ENGLISH, WordTokens.STOPWORDS);
    BY_LANGUAGE.put(
        "es",
        words(
            "de la que el en y a los del se las por un para con no una su al lo como más mas pero"
                + " sus le ya o u este esta estos estas ese esa esos esas eso esto sí si porque"
                + " entre cuando muy sin sobre también me hasta hay donde dónde quien quienes"
                + " desde todo toda todos todas nos durante uno unos unas les ni contra otro otra"
                + " otros otras ante ellos ellas él ella e antes algunos algunas algo nosotros mi"
                + " mis tú te ti tu tus mío mía suyo suya nuestro nuestra vuestro qué cual cuál"
                + " tanto mucho muchos muchas poco nada estar estoy está están estaba estaban fue"
                + " fueron ser es era eran han ha había habían hace hacer según tras cada sido"
                + " puede pueden así aunque después dos tres año años día días ciento cerca"));
    BY_LANGUAGE.put(
        "fr",
        words(
            "le la les de des du un une et est en que qui quoi dans pas sur au aux avec ce ces"
                + " cet cette il ils elle elles on nous vous je tu se sa ses leur leurs plus par"
                + " mais ou où ne ni y a été être avoir ont sont était étaient fait comme tout"
                + " tous toute toutes aussi bien même sans sous entre après avant depuis lors"
                + " dont très peu encore déjà ainsi donc si lui eux moi toi mon ma mes ton ta"
                + " tes notre nos votre vos deux trois ans année selon contre chez vers avait"
                + " quand alors"));
    BY_LANGUAGE.put(
        "de",
        words(
            "der die das und ist in den von zu mit sich des auf für im dem nicht ein eine als"
                + " auch es an er aus bei sie nach wird oder wie um noch nur vor zur zum über so"
                + " bis sein seine seiner ihre ihr ihrer kann werden wurde wurden durch haben"
                + " hatte hatten waren sind einem einen einer eines dass daß aber wenn schon mehr"
                + " dieser diese dieses diesem diesen unter gegen seit sehr ich wir ihm ihn uns"
                + " was wo zwei drei jahr jahre jahren prozent sowie damit dazu soll sollen gibt"
                + " am vom beim dann denn doch hier jetzt immer wieder"));
    BY_LANGUAGE.put(
        "pt",
        words(
            "de a o que e do da em um para é com não uma os no se na por mais as dos como mas"
                + " foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também só"
                + " pelo pela até isso ela entre depois sem mesmo aos ter seus quem nas me esse"
                + " eles estão você tinha foram essa num nem suas meu às minha têm numa pelos"
                + " elas havia seja qual será nós lhe deles essas esses pelas este fosse dele tu"
                + " te vocês vos lhes meus minhas teu tua nosso nossa nossos nossas dela delas"
                + " esta estes estas aquele aquela isto aquilo estamos esteve anos ano dois três"
                + " após sobre cada segundo"));
    BY_LANGUAGE.put(
        "it",
        words(
            "di e il la che a in per un è non una le del si con da i al dei della gli lo sono"
                + " più ma ha anche nel alla delle dal degli ai se o ci ne nella questo questa"
                + " suo sua loro essere stato stata sia dopo fra tra tutto tutti ancora già"
                + " molto cui quando sui sul dalla dello negli nelle quello quella solo mentre"
                + " poi fa hanno aveva anni anno due tre secondo contro senza sempre però così"
                + " ogni io noi voi lui egli mio tuo nostro vostro uno"));
  }

  private static final Set<String> ANY = new HashSet<>();

  static {
    BY_LANGUAGE.values().forEach(ANY::addAll);
  }

  private Stopwords() {}

  private static Set<String> words(String spaced) {
    return Set.copyOf(Arrays.asList(spaced.split(" ")));
  }

  /** The function words of a language (a code from {@link #languages()}), English when unknown. */
  public static Set<String> of(String language) {
    return BY_LANGUAGE.getOrDefault(language, WordTokens.STOPWORDS);
  }

  public static Set<String> languages() {
    return BY_LANGUAGE.keySet();
  }

  /** Whether the lower-case word is a function word in any of the languages. */
  public static boolean isAny(String lowerWord) {
    return ANY.contains(lowerWord);
  }

  /**
   * The article's language: the declared BCP 47 tag when it names one of the languages, otherwise
   * the language whose function words the text uses most (English on a tie or too little text).
   */
  public static String language(
      @Nullable String declared, @Nullable String title, List<String> sentences) {
    if (declared != null && !declared.isBlank()) {
      String primary = declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
      if (BY_LANGUAGE.containsKey(primary)) {
        return primary;
      }
    }
    StringBuilder text = new StringBuilder(title == null ? "" : title);
    for (int i = 0; i < Math.min(10, sentences.size()); i++) {
      text.append(' ').append(sentences.get(i));
    }
    Guess guess = guess(text.toString());
    return guess.language() != null ? guess.language() : ENGLISH;
  }

  /**
   * The language of the six whose function words the text uses most, or null when none has a real
   * share of it; with the number of word tokens read.
   */
  static Guess guess(String text) {
    Map<String, Integer> hits = new LinkedHashMap<>();
    int tokens = 0;
    for (String t : WordTokens.of(text)) {
      tokens++;
      for (Map.Entry<String, Set<String>> e : BY_LANGUAGE.entrySet()) {
        if (e.getValue().contains(t)) {
          hits.merge(e.getKey(), 1, Integer::sum);
        }
      }
    }
    String best = ENGLISH;
    int bestHits = hits.getOrDefault(ENGLISH, 0);
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits) {
        best = e.getKey();
        bestHits = e.getValue();
      }
    }
    // a handful of shared little words ("a", "de") is no evidence; ask for a real share of the text
    return new Guess(bestHits >= 3 && bestHits * 8 >= tokens ? best : null, tokens);
  }

  /** What {@link #guess} found: a language or null, and how many word tokens it read. */
  record Guess(@Nullable String language, int tokens) {}
}
