package dev.pulse.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Drops lines of extracted text that are page furniture whatever the markup around them:
 * "Advertisement" and its equivalents in other languages, share and read-more prompts, gallery
 * counters, reading times, bare URLs, date stamps, photo and wire credits, taxonomy footers, and
 * repeats of the headline or byline.
 */
final class LineFilter {

  private static final Set<String> BOILERPLATE =
      Set.of(
          "advertisement",
          "advertisements",
          "advertising",
          "ad",
          "ads",
          "sponsored",
          "sponsored content",
          "paid content",
          "anzeige",
          "werbung",
          "publicidad",
          "publicidade",
          "publicité",
          "publicite",
          "pubblicità",
          "pubblicita",
          "reklama",
          "реклама",
          "iklan",
          "广告",
          "廣告",
          "광고",
          "広告",
          "advertentie",
          "mainos",
          "annons",
          "reklame",
          "διαφήμιση",
          "subscribe",
          "subscribe now",
          "sign up",
          "sign in",
          "log in",
          "comments",
          "comment",
          "show comments",
          "view comments",
          "leave a comment",
          "share",
          "share this",
          "share this article",
          "share this story",
          "share this post",
          "share on facebook",
          "share on twitter",
          "tweet",
          "email",
          "e-mail",
          "print",
          "read more",
          "read also",
          "also read",
          "see also",
          "related",
          "related articles",
          "related stories",
          "related content",
          "related posts",
          "more",
          "more on this story",
          "continue reading",
          "story continues below",
          "article continues below",
          "advertisement continues below",
          "leggi anche",
          "lesen sie auch",
          "mehr zum thema",
          "lire aussi",
          "à lire aussi",
          "a lire aussi",
          "leia também",
          "leia mais",
          "veja também",
          "ver también",
          "lee también",
          "lea también",
          "czytaj także",
          "читайте также",
          "lees ook",
          "les også",
          "läs också",
          "loading",
          "loading...",
          "enlarge image",
          "enlarge",
          "view gallery",
          "skip ad",
          "trending",
          "trending now",
          "most popular",
          "most read",
          "click here",
          "text size",
          "listen",
          "listen to this article",
          "watch",
          "watch video",
          "video",
          "photo",
          "photos",
          "image",
          "close",
          "menu",
          "follow us",
          "recommended",
          "recommended for you",
          "you may also like",
          "you might also like",
          "don't miss",
          "don’t miss",
          "next",
          "previous",
          "back to top",
          "top",
          "home",
          "getty images",
          "toggle caption",
          "hide caption",
          "show caption",
          "expand",
          "collapse",
          "copy link",
          "link copied",
          "whatsapp",
          "facebook",
          "twitter",
          "linkedin",
          "pinterest",
          "reddit",
          "caption",
          "back to gallery",
          "close gallery",
          "view all",
          "show more",
          "see more",
          "load more",
          "scroll to continue",
          "open in app",
          "play video",
          "replay",
          // share, comments, subscribe, more in other languages
          "compartir",
          "compartilhar",
          "compartilhe",
          "partager",
          "teilen",
          "condividi",
          "delen",
          "comentarios",
          "comentários",
          "commentaires",
          "kommentare",
          "commenti",
          "reacties",
          "suscríbete",
          "assine",
          "abonnieren",
          "s'abonner",
          "abbonati",
          "mehr",
          "plus",
          "más",
          "mais",
          "altro",
          "weiterlesen",
          "lire la suite",
          "leer más",
          "continua a leggere",
          "continue lendo",
          "fotos",
          "foto",
          "bild",
          "bilder",
          "galerie",
          "galería",
          "galeria");

  private static final Pattern URL_ONLY = Pattern.compile("(?i)^(https?://|www\\.)\\S+$");
  private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");
  private static final Pattern GALLERY_COUNTER =
      Pattern.compile(
          "(?iu)^(image|photo|picture|slide|foto|bild|imagen|immagine|фото)?\\s*\\d+\\s*"
              + "(of|/|von|de|di|из|sur)\\s*(/\\s*)?\\d+$");
  private static final Pattern READING_TIME =
      Pattern.compile(
          "(?iu)(\\d+\\s*(min|mins|minute|minutes|minuto|minutos|minuten|minuti|мин)\\.?\\s*"
              + "(read|de leitura|de lectura|lesezeit|de lecture|di lettura|чтения))"
              + "|((reading time|read time|tempo de leitura|tiempo de lectura|lesezeit"
              + "|temps de lecture|tempo di lettura|время чтения)\\s*:?\\s*\\d+)");
  private static final Pattern CREDIT_PREFIX =
      Pattern.compile(
          "(?iu)^[(\\[]?\\s*(image credit|photo credit|photograph|photo|image|credit|picture"
              + "|foto|bild|imagen|фото|사진)\\s*[:=]");
  private static final Pattern AGENCY_CREDIT =
      Pattern.compile(
          "(?i)(getty images|shutterstock|istock|ap photo|afp via|/afp|/reuters|/epa|/ap$"
              + "|/dpa|\\(photo:|\\(image:|\\(credit:)");
  private static final Pattern DATE_WORDS =
      Pattern.compile(
          "(?iu)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march"
              + "|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri"
              + "|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|a\\.m|p\\.m"
              + "|updated|published|posted|last|on|at|utc|gmt|[ecmp][sd]t|bst|cet|cest|ist"
              // the same in German, French, Spanish, Portuguese, Italian and Dutch
              + "|januar|februar|märz|mai|juni|juli|oktober|dezember|uhr|um|aktualisiert"
              + "|veröffentlicht|janvier|février|mars|avril|juin|juillet|août|septembre|octobre"
              + "|novembre|décembre|publié|mis à jour|le|à|enero|febrero|marzo|abril|mayo|junio"
              + "|julio|agosto|septiembre|octubre|noviembre|diciembre|publicado|actualizado|de|del|el"
              + "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|atualizado"
              + "|às|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
              + "|pubblicato|aggiornato|alle|januari|februari|maart|mei|augustus|oktober|bijgewerkt"
              + "|gepubliceerd|om)(?=\\W|$)"
              + "|(?<=\\d)\\s?(am|pm)\\b");

  /** Wire-story credits and author contact lines that close many articles. */
  private static final Pattern CREDIT_LINE =
      Pattern.compile(
          "(?i)^[(\\[]?\\s*((reporting by|additional reporting|editing by|compiled by"
              + "|with reporting (by|from)|writing by)\\b|contributing:)"
              + "|contributed (reporting )?to this (report|story|article)\\W*$"
              + "|^(e-?mail|write to|follow|contact|reach)\\b.*(@|\\bon (twitter|facebook|instagram"
              + "|youtube|tiktok|linkedin|social media)\\b)");

  /** Captions that end with their credit in brackets: "... (credit: Agency/Name)". */
  private static final Pattern TRAILING_CREDIT =
      Pattern.compile(
          "(?iu)[(\\[]\\s*(photo|image|picture|credit|foto|bild|imagen|фото)[^)\\]]*[:)]"
              + "[^)\\]]*[)\\]]\\s*$");

  /** Taxonomy and source footers: "Filed under: ...", "Tags: ...", "SOURCE: ...". */
  private static final Pattern LABEL_LINE =
      Pattern.compile(
          "(?iu)^(filed under|tags|tagged|tagged with|categories|category|posted in|topics|source"
              + "|sources|quelle|fonte|fuente|schlagwörter|schlagworte|themen|étiquettes|etiquetas"
              + "|теги|метки|темы)\\s*:|^click here\\b|^(popular|trending|most popular|most read"
              + "|more stories|more from|latest from|also on|trending on|recommended on)\\b");

  /** One label of a post's metadata line: "Posted by:", "Categoria:", "Tags:" ... */
  private static final Pattern META_LABEL =
      Pattern.compile(
          "(?iu)\\b(posted by|published by|written by|publicado por|postado por|author|autor|auteur"
              + "|category|categoria|categoría|catégorie|kategorie|tags|date|data|fecha|datum"
              + "|filed under|views|comments|comentários|comentarios)\\s*:");

  private static final Pattern BY_LINE =
      Pattern.compile("^(By|BY|Von|VON|Por|POR|Par|PAR|Door|Av|Af|Di)\\s+\\p{Lu}");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？]['\"”’»)]?$");
  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
  private static final Pattern LEFTOVER_DATE_CHARS = Pattern.compile("[\\d\\s.,:/|\\-–—()]+");

  private LineFilter() {}

  /**
   * @param text extracted text, paragraphs separated by blank lines
   * @param title the headline, or null
   * @param byline the author names, or null
   */
  static String filter(String text, @Nullable String title, @Nullable String byline) {
    StringBuilder out = new StringBuilder(text.length());
    String titleKey = key(title);
    String bylineKey = key(byline);
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty() && isFurniture(line, titleKey, bylineKey)) {
        continue;
      }
      out.append(line).append('\n');
    }
    return TextRenderer.normalise(out.toString());
  }

  static boolean isFurniture(String line, @Nullable String titleKey, @Nullable String bylineKey) {
    String t = line.strip();
    if (!HAS_WORD.matcher(t).find() || URL_ONLY.matcher(t).matches()) {
      return true;
    }
    if (t.length() <= 300 && (CREDIT_LINE.matcher(t).find() || TRAILING_CREDIT.matcher(t).find())) {
      return true;
    }
    if (t.length() <= 200 && countOf(META_LABEL, t) >= 2) {
      return true;
    }
    if (t.length() <= 200 && LABEL_LINE.matcher(t).find() && words(t) <= 25) {
      // "Popular on X" is a heading; "Popular demand forced a change." is a sentence.
      return t.indexOf(':') > 0
          || t.regionMatches(true, 0, "click here", 0, 10)
          || (words(t) <= 6 && !SENTENCE_END.matcher(t).find());
    }
    if (t.length() > 120) {
      return false;
    }
    String k = key(t);
    if (BOILERPLATE.contains(k) || k.equals(titleKey)) {
      return true;
    }
    if (bylineKey != null && (k.equals(bylineKey) || k.equals("by " + bylineKey))) {
      return true;
    }
    if (BY_LINE.matcher(t).find() && words(t) <= 10 && !SENTENCE_END.matcher(t).find()) {
      return true; // "By Jane Roe, Staff Writer" left in the body
    }
    if (GALLERY_COUNTER.matcher(k).matches() || READING_TIME.matcher(t).find()) {
      return true;
    }
    if (t.length() <= 100 && (CREDIT_PREFIX.matcher(t).find() || AGENCY_CREDIT.matcher(t).find())) {
      return true;
    }

    return t.length() <= 80 && isDateStamp(t);
  }

  private static int countOf(Pattern p, String t) {
    int n = 0;
    java.util.regex.Matcher m = p.matcher(t);
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int words(String t) {
    return t.split("\\s+").length;
  }

  /** A line made only of a date, a time and words like "Updated", with a year in it. */
  private static boolean isDateStamp(String t) {
    if (!YEAR.matcher(t).find()) {
      return false;
    }
    String rest = DATE_WORDS.matcher(t).replaceAll(" ");
    return LEFTOVER_DATE_CHARS.matcher(rest).matches();
  }

  /** Lower-cased, accents kept, whitespace collapsed, trailing punctuation and arrows dropped. */
  static @Nullable String key(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String k = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
    k = k.replaceAll("\\s+", " ");
    k = k.replaceAll("[\\s:.!?»›>→»…|\\-–—]+$", "");
    k = k.replaceAll("^[\\s«‹<←|\\-–—]+", "");
    return k;
  }
}
