package dev.pulse.analyze.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a sentence of a news article can do in a summary, read from its words alone: whether it is
 * photo-caption text, whether it refers back to something a reader has not met yet, whether it
 * stops mid-thought, whether it is an anecdote or a quotation that needs context, and whether it
 * states a consequence or a next step. General rules of news writing in English; nothing here is
 * keyed to particular stories.
 */
final class SentenceRoles {

  /** "(left)", "(pictured)", "(file photo)": a caption pointing at a picture. */
  private static final Pattern PICTURE_POINTER =
      Pattern.compile(
          "\\((?:far |second |top |bottom |front |back )?(?:left|right|centre|center|top|bottom|"
              + "above|below|inset|middle|pictured|photographed|file|file photo|file picture|"
              + "l|r|c)\\)|\\bpictured\\b|\\bseen here\\b|\\bphotographed\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** "Sad end: the ...", "heavy-duty: the drill ...": a caption's label, one to three words. */
  private static final Pattern LABEL =
      Pattern.compile("^[\\p{L}\\p{N}'’-]+(?:\\s+[\\p{L}\\p{N}'’&-]+){0,2}\\s*:\\s+\\S");

  /** Words that make "X: ..." speech or a time rather than a caption's label. */
  private static final Set<String> LABEL_SPEECH =
      Set.of(
          "said",
          "says",
          "say",
          "told",
          "tells",
          "added",
          "adds",
          "asked",
          "asks",
          "wrote",
          "writes",
          "tweeted",
          "explained",
          "explains",
          "insisted",
          "warned",
          "warns",
          "stated",
          "states",
          "declared",
          "replied",
          "continued",
          "concluded",
          "noted");

  /** Opening words that point back to something said before. */
  private static final Set<String> POINTING_OPENERS =
      Set.of(
          "he",
          "she",
          "it",
          "they",
          "his",
          "her",
          "its",
          "their",
          "them",
          "him",
          "this",
          "these",
          "those",
          "that",
          "such",
          "but",
          "and",
          "however",
          "also",
          "meanwhile",
          "still",
          "yet",
          "so",
          "then",
          "there",
          "here",
          "both",
          "others",
          "another",
          "later",
          "instead",
          "thus",
          "therefore",
          "besides",
          "moreover",
          "furthermore",
          "nevertheless",
          "likewise",
          "similarly",
          "otherwise",
          "afterwards",
          "earlier");

  /**
   * Nouns that, after "the" and before the verb, stand for something already named: "The move ...",
   * "The decision ...", "The pair ...". Followed by a relative clause or a preposition they are
   * introduced on the spot ("The man who ...", "The plan to ...") and do not point back.
   */
  private static final Set<String> POINTING_NOUNS =
      Set.of(
          "move",
          "decision",
          "deal",
          "agreement",
          "comments",
          "comment",
          "remarks",
          "remark",
          "announcement",
          "incident",
          "news",
          "report",
          "statement",
          "plan",
          "plans",
          "change",
          "changes",
          "ruling",
          "verdict",
          "victim",
          "victims",
          "pair",
          "couple",
          "duo",
          "trio",
          "man",
          "woman",
          "boy",
          "girl",
          "men",
          "women",
          "youngster",
          "teenager",
          "mother",
          "father",
          "player",
          "star",
          "singer",
          "actor",
          "actress",
          "suspect",
          "suspects",
          "attacker",
          "gunman",
          "former",
          "latter",
          "company",
          "firm",
          "group",
          "team",
          "club",
          "side",
          "project",
          "scheme",
          "proposal",
          "bill",
          "development",
          "discovery",
          "findings",
          "results",
          "footage",
          "video",
          "images",
          "photos",
          "photo",
          "picture",
          "pictures",
          "letter",
          "claims",
          "allegations",
          "attack",
          "crash",
          "blast",
          "fire",
          "operator",
          "plant",
          "site",
          "facility",
          "event",
          "programme",
          "program",
          "measure",
          "measures",
          "policy",
          "figures",
          "study",
          "research",
          "survey",
          "documents",
          "case",
          "offer",
          "cuts",
          "closure",
          "sale",
          "takeover",
          "merger",
          "investment",
          "two",
          "three",
          "official",
          "officials",
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "source",
          "sources",
          "family",
          "couple's",
          "athlete",
          "officer",
          "driver",
          "doctor",
          "child",
          "baby",
          "animal",
          "creature",
          "building",
          "property",
          "vehicle",
          "car",
          "aircraft",
          "plane",
          "ship",
          "vessel",
          "operation",
          "mission",
          "campaign",
          "trip",
          "visit",
          "show",
          "film",
          "book",
          "album",
          "song",
          "game",
          "match",
          "win",
          "defeat",
          "loss",
          "result",
          "figure",
          "number",
          "total",
          "amount",
          "sum",
          "rise",
          "fall",
          "increase",
          "decline",
          "drop",
          "disagreement",
          "dispute",
          "row",
          "controversy",
          "split",
          "debate",
          "problem",
          "issue",
          "situation",
          "outcome",
          "effect",
          "impact",
          "reason",
          "difference");

  /** After "the" + noun: the noun is introduced here, not pointing back. */
  private static final Set<String> INTRODUCING =
      Set.of(
          "who",
          "whom",
          "whose",
          "which",
          "that",
          "of",
          "to",
          "at",
          "in",
          "on",
          "from",
          "with",
          "behind",
          "for",
          "by",
          "accused",
          "charged",
          "convicted",
          "named",
          "known",
          "called",
          "dubbed",
          "responsible",
          "between",
          "against",
          "over",
          "under",
          "near",
          "involving",
          "after",
          "before",
          "announced",
          "unveiled",
          "proposed",
          "planned",
          "reported");

  private static final Set<String> DEMONSTRATIVES = Set.of("this", "that", "these", "those");

  private static final Set<String> PREPOSITIONS =
      Set.of(
          "of", "in", "on", "at", "for", "with", "from", "by", "to", "about", "after", "before",
          "despite", "like", "under", "over", "during", "since");

  /** How far into a sentence a demonstrative still points back before the sentence's subject. */
  private static final int DEMONSTRATIVE_REACH = 6;

  /** A quotation whose speaker is only a pronoun: "'It is over,' she said." */
  private static final Pattern QUOTE_BY_PRONOUN =
      Pattern.compile(
          "[,.!?][\"'”’]\\s+(?:he|she|they|it)\\s+(?:said|says|added|told|explained|recalled|"
              + "insisted|admitted|warned)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "Jorja Whitcombe, 41, spent 14 years ...": a person's story told by name and age. */
  private static final Pattern NAME_AND_AGE =
      Pattern.compile("^[\\p{L}'’.-]+(?:\\s+[\\p{L}'’.-]+){0,3},\\s+(?:aged\\s+)?\\d{1,3},\\s");

  /** Closing abbreviations after which a sentence has not ended: the split was wrong. */
  private static final Pattern ABBREVIATION_END =
      Pattern.compile(
          "(?:^|\\s)(?:u\\.s|u\\.k|u\\.n|e\\.g|i\\.e|mr|mrs|ms|dr|st|no|gen|gov|sen|rep|vs|"
              + "det|insp|supt|sgt|capt|lt|col|maj|prof|rev|jan|feb|aug|sept|oct|nov|dec)\\.$",
          Pattern.CASE_INSENSITIVE);

  /** Words that state what happens next or what follows from the news. */
  private static final Pattern CONSEQUENCE =
      Pattern.compile(
          "\\b(?:will|would|could|may|might|expected|set to|due to (?:be|start|open|close|begin|"
              + "resume|return|appear|face|vote|decide|meet)|plans? to|planning|aims? to|hopes? to|"
              + "next|until|by the end of|means|meaning|so that|in order to|faces?|facing|risks?|"
              + "warned|warns|threatens|deadline|from now on|from next|from (?:january|february|"
              + "march|april|may|june|july|august|september|october|november|december)|"
              + "starting|will be|is to|are to|pending|awaits?|awaiting)\\b",
          Pattern.CASE_INSENSITIVE);

  private SentenceRoles() {}

  /** Photo-caption text: a pointer at a picture, or a short label and a colon before the text. */
  static boolean isCaption(String sentence) {
    String s = sentence.strip();
    if (PICTURE_POINTER.matcher(s).find()) {
      return true;
    }
    if (!LABEL.matcher(s).lookingAt()) {
      return false;
    }
    String label = s.substring(0, s.indexOf(':')).toLowerCase(Locale.ROOT);
    for (String w : label.split("\\s+")) {
      if (LABEL_SPEECH.contains(w)) {
        return false;
      }
    }
    return !label.chars().allMatch(Character::isDigit);
  }

  /**
   * Opens by referring back: a pronoun or a linking word, or "the" and a noun that stands for
   * something named earlier ("The move ...", "The 41-year-old ..."). A sentence opening with a
   * quotation is exempt: its speaker comes after it.
   *
   * @param tokens the sentence's lower-case word tokens
   */
  static boolean pointsBack(String sentence, List<String> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    if (startsWithQuote(sentence.strip())) {
      return QUOTE_BY_PRONOUN.matcher(sentence).find();
    }
    String first = tokens.get(0);
    if (POINTING_OPENERS.contains(first)) {
      return true;
    }
    if (demonstrativeAfterPreposition(tokens)) {
      return true;
    }
    if (!first.equals("the") || tokens.size() < 3) {
      return false;
    }
    String noun = tokens.get(1);
    if (noun.matches("\\d+-year-old")) {
      return true;
    }
    return POINTING_NOUNS.contains(noun) && !INTRODUCING.contains(tokens.get(2));
  }

  /** "Only a fraction of that work ...", "In this case ...": a demonstrative early on. */
  private static boolean demonstrativeAfterPreposition(List<String> tokens) {
    for (int i = 1; i < Math.min(tokens.size(), DEMONSTRATIVE_REACH); i++) {
      if (DEMONSTRATIVES.contains(tokens.get(i)) && PREPOSITIONS.contains(tokens.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** The sentence stops before its thought ends: no closing stop, or a colon, comma or ellipsis. */
  static boolean endsMidThought(String sentence) {
    String s = sentence.strip();
    if (s.isEmpty() || s.endsWith("...") || s.endsWith("…")) {
      return true;
    }
    int end = s.length();
    while (end > 0 && "\"'”’)]".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    if (end == 0 || ".!?".indexOf(s.charAt(end - 1)) < 0) {
      return true;
    }
    return ABBREVIATION_END.matcher(s.substring(0, end)).find();
  }

  /**
   * A sentence that needs the story around it to mean anything: a quotation with nothing outside
   * the quote marks, or a person's story opened by name and age that does not look ahead.
   */
  static boolean needsContext(String sentence) {
    String s = sentence.strip();
    return isBareQuote(s) || NAME_AND_AGE.matcher(s).lookingAt() && !looksAhead(s);
  }

  /**
   * The name of a person a sentence opens with, by name and age ("Jorja Whitcombe, 41, ..."), or
   * null. Such a sentence brings in someone new; a summary should not, unless the story is about
   * them (their name is in the headline or earlier).
   */
  static @Nullable String nameAndAge(String sentence) {
    String s = sentence.strip();
    if (!NAME_AND_AGE.matcher(s).lookingAt()) {
      return null;
    }
    return s.substring(0, s.indexOf(',')).strip();
  }

  /** States a consequence or a next step ("will", "expected to", "by the end of", "faces"). */
  static boolean looksAhead(String sentence) {
    return CONSEQUENCE.matcher(sentence).find();
  }

  /**
   * A sentence that is nothing but a quotation, with no attribution outside the quote marks ("'My
   * son thinks I build robots.'"): out of context it tells a reader little.
   */
  static boolean isBareQuote(String s) {
    String t = s.strip();
    if (t.length() < 2 || !startsWithQuote(t)) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return "\"'”’".indexOf(last) >= 0;
  }

  static boolean startsWithQuote(String s) {
    return !s.isEmpty() && "\"'“‘".indexOf(s.charAt(0)) >= 0;
  }
}
