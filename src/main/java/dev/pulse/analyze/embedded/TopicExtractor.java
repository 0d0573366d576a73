package dev.pulse.analyze.embedded;

import dev.pulse.text.EverydayWords;
import dev.pulse.text.Stopwords;
import dev.pulse.text.WordTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * 1-3 key phrases of an article: names (runs of capitalised words) and repeated runs of content
 * words, ranked by how often they occur, with a boost for the headline and the opening sentence.
 * Phrases contained in a better-ranked one are dropped. Function words are those of the article's
 * language (declared, or guessed by {@link Stopwords#language}); a tag is never a function word of
 * any language Pulse knows, nor a bare abbreviation such as "St". In text without capitals (a
 * lower-cased release), where a name cannot be told from a common noun, a tag needs a word rarer
 * than everyday English ({@link EverydayWords}); an article with no such candidate gets no tag.
 */
final class TopicExtractor {

  private static final int MAX_TOPICS = 3;
  private static final int MAX_PHRASE_WORDS = 3;

  /**
   * A tag weighs at least this share of the article's strongest: a candidate far behind it is
   * mentioned in passing ("donors", "gym"), not what the story is about.
   */
  private static final double MIN_SHARE_OF_TOP = 0.3;

  private static final Set<String> NAME_JOINERS =
      Set.of("of", "de", "del", "di", "da", "van", "von", "du", "la", "&");

  /** "St.", "Mt.", "Dr.": a short capitalised word with a full stop, not a sentence end. */
  private static final Pattern ABBREVIATION = Pattern.compile("\\p{Lu}\\p{Ll}{1,2}\\.");

  /** A two-letter word in mixed case ("St", "Mt") is a fragment, never a topic on its own. */
  private static final Pattern FRAGMENT = Pattern.compile("\\p{Lu}\\p{Ll}\\.?");

  /** Capitalised words that are rarely a topic on their own. */
  private static final Set<String> WEAK_NAMES =
      Set.of(
          "the",
          "a",
          "an",
          "but",
          "and",
          "in",
          "on",
          "at",
          "it",
          "he",
          "she",
          "they",
          "we",
          "i",
          "this",
          "that",
          "there",
          "mr",
          "mrs",
          "ms",
          "dr",
          "if",
          "as",
          "for",
          "when",
          "after",
          "while",
          "his",
          "her",
          "their",
          "its",
          "our",
          "some",
          "many",
          "one",
          "two",
          "new",
          "last",
          "first",
          "now",
          "so",
          "what",
          "why",
          "how",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "cnn",
          "reuters",
          "ap",
          "afp",
          "bbc",
          "said",
          "says",
          "according",
          "also",
          "however",
          "meanwhile",
          "yesterday",
          "today",
          "tomorrow",
          "image",
          "photo",
          "video",
          "read",
          "inside",
          "exclusive",
          "analysis",
          "opinion",
          "watch",
          "live",
          "breaking",
          "update",
          // abbreviated titles before a name ("sen elizabeth warren", "gov. david ige")
          "sen",
          "rep",
          "gov",
          "gen",
          "lt",
          "sgt",
          "capt",
          "col",
          "cpl",
          "det",
          "insp",
          "supt",
          "prof",
          "rev",
          "cllr");

  /**
   * Words too general to file a story under on their own: people and roles, institutions in
   * general, measures of time and amount, everyday things and qualities. A tag made only of these
   * is no topic ("government", "police", "month", "record").
   */
  private static final Set<String> GENERIC =
      Set.of(
          "health",
          "council",
          "volunteers",
          "residents",
          "visitors",
          "customers",
          "users",
          "government",
          "governments",
          "economy",
          "economic",
          "profits",
          "profit",
          "prices",
          "price",
          "sales",
          "growth",
          "markets",
          "market",
          "rates",
          "rate",
          "firms",
          "firm",
          "company",
          "companies",
          "business",
          "industry",
          "bank",
          "banks",
          "court",
          "courts",
          "law",
          "laws",
          "police",
          "officers",
          "officer",
          "officials",
          "official",
          "victims",
          "victim",
          "students",
          "student",
          "women",
          "woman",
          "men",
          "man",
          "children",
          "child",
          "people",
          "person",
          "family",
          "families",
          "mother",
          "father",
          "girl",
          "boy",
          "girlfriend",
          "boyfriend",
          "wife",
          "husband",
          "couple",
          "friends",
          "team",
          "club",
          "clubs",
          "players",
          "fans",
          "members",
          "member",
          "staff",
          "workers",
          "world",
          "city",
          "county",
          "country",
          "state",
          "town",
          "village",
          "area",
          "region",
          "south",
          "north",
          "east",
          "west",
          "home",
          "house",
          "room",
          "school",
          "university",
          "hospital",
          "prison",
          "camp",
          "airport",
          "zoo",
          "park",
          "plant",
          "water",
          "star",
          "trust",
          "record",
          "month",
          "year",
          "years",
          "week",
          "day",
          "hour",
          "time",
          "times",
          "end",
          "past",
          "future",
          "age",
          "number",
          "million",
          "billion",
          "details",
          "issue",
          "issues",
          "report",
          "statement",
          "letter",
          "book",
          "show",
          "series",
          "stage",
          "scene",
          "story",
          "news",
          "media",
          "online",
          "video",
          "photo",
          "camera",
          "money",
          "cash",
          "deal",
          "agreement",
          "plan",
          "production",
          "construction",
          "spending",
          "compensation",
          "care",
          "pain",
          "love",
          "life",
          "death",
          "fight",
          "race",
          "victory",
          "win",
          "loss",
          "rights",
          "power",
          "violence",
          "drug",
          "drugs",
          "gun",
          "guns",
          "car",
          "boat",
          "ship",
          "train",
          "tree",
          "fish",
          "pet",
          "dog",
          "cat",
          "animal",
          "animals",
          "planet",
          "snow",
          "rain",
          "weather",
          "rock",
          "hill",
          "root",
          "flat",
          "good",
          "bad",
          "poor",
          "rich",
          "small",
          "big",
          "long",
          "short",
          "shorter",
          "least",
          "most",
          "best",
          "top",
          "high",
          "low",
          "foreign",
          "national",
          "international",
          "local",
          "global",
          "public",
          "private",
          "severe",
          "busy",
          "together",
          "left",
          "right",
          "mobile",
          "retail",
          "consumer",
          "insurance",
          "pension",
          "stock",
          "creditors",
          "exports",
          "imports",
          "jobs",
          "job",
          "rank",
          "hold",
          "fall",
          "rise",
          "cut",
          "cuts",
          "use",
          "want",
          "need",
          "needs",
          "helicopter",
          "dancer",
          "physicians",
          "doctors",
          "deputies",
          "sheriff",
          "infant",
          "baby",
          "illness",
          "charities",
          "charity",
          "religious",
          "nuclear",
          "islamic",
          "christian",
          "muslim",
          "right-wing",
          "left-wing",
          "sentence",
          "deputy",
          "minister",
          "president",
          "chief",
          "head",
          "leader",
          "director",
          "spokesman",
          "spokeswoman",
          "teacher",
          "tapes",
          "kilometers",
          "kilometres",
          "miles",
          "percent",
          "per",
          "cent",
          "case",
          "cases",
          "half",
          "rules",
          "rule",
          "stores",
          "store",
          "figures",
          "costs",
          "cost",
          "office",
          "investors",
          "colleagues",
          "voice",
          "part",
          "agency",
          "questions",
          "question",
          "program",
          "programme",
          "birth",
          "model",
          "models",
          "ministry",
          "body",
          "gang",
          "map",
          "judge",
          "journalists",
          "activists",
          "prosecutors",
          "boost",
          "recovery",
          "demand",
          "slowdown",
          "bargain",
          "euros",
          "dollars",
          "pounds",
          "rupees",
          "pesos",
          "trillion",
          "quarter",
          "guilty",
          "inside",
          "medical",
          "electrical",
          "tweets",
          "sketch",
          "rapper",
          "batsman",
          "audience",
          "base",
          "class",
          "middle",
          "fourth",
          "third",
          "second",
          "sea",
          "mountain",
          "horse",
          "building",
          "captain",
          "little",
          "live",
          "never",
          "none",
          "keep",
          "answers",
          "serving",
          "pay",
          "output",
          "research",
          "finance",
          "institute",
          "cars",
          "photographer",
          "savior",
          "rifle",
          "defense",
          "defence",
          "hall",
          "branches",
          "given",
          "line",
          "legal",
          "minimum",
          "free",
          "special",
          "white",
          "black",
          "extreme",
          "federal");

  /** Words of amount that open a phrase cut from a figure ("million deficit", "dozen homes"). */
  private static final Set<String> QUANTITIES =
      Set.of(
          "hundred",
          "hundreds",
          "thousand",
          "thousands",
          "million",
          "millions",
          "billion",
          "billions",
          "trillion",
          "dozen",
          "dozens",
          "percent",
          "per",
          "cent");

  /** Nationalities and peoples as adjectives or plurals: a description, not a topic. */
  private static final Set<String> DEMONYMS =
      Set.of(
          "american",
          "americans",
          "british",
          "briton",
          "britons",
          "english",
          "scottish",
          "welsh",
          "irish",
          "french",
          "german",
          "germans",
          "italian",
          "italians",
          "spanish",
          "portuguese",
          "dutch",
          "belgian",
          "swiss",
          "austrian",
          "swedish",
          "norwegian",
          "danish",
          "finnish",
          "polish",
          "russian",
          "russians",
          "ukrainian",
          "ukrainians",
          "greek",
          "turkish",
          "european",
          "europeans",
          "african",
          "africans",
          "asian",
          "asians",
          "chinese",
          "japanese",
          "korean",
          "koreans",
          "indian",
          "indians",
          "pakistani",
          "pakistanis",
          "afghan",
          "afghans",
          "iranian",
          "iranians",
          "iraqi",
          "iraqis",
          "syrian",
          "syrians",
          "israeli",
          "israelis",
          "palestinian",
          "palestinians",
          "egyptian",
          "egyptians",
          "saudi",
          "saudis",
          "nigerian",
          "nigerians",
          "kenyan",
          "kenyans",
          "mexican",
          "mexicans",
          "brazilian",
          "brazilians",
          "venezuelan",
          "venezuelans",
          "colombian",
          "colombians",
          "argentine",
          "argentinian",
          "canadian",
          "canadians",
          "australian",
          "australians",
          "western",
          "african-american",
          "arab",
          "arabs",
          "czech",
          "chilean",
          "peruvian",
          "cuban",
          "haitian",
          "jamaican",
          "somali",
          "ethiopian",
          "sudanese",
          "libyan",
          "tunisian",
          "moroccan",
          "algerian",
          "lebanese",
          "jordanian",
          "yemeni",
          "qatari",
          "emirati",
          "thai",
          "vietnamese",
          "filipino",
          "indonesian",
          "malaysian",
          "hungarian",
          "romanian",
          "bulgarian",
          "serbian",
          "croatian",
          "scandinavian",
          "latin",
          "hispanic");

  /** Common first names: alone, a fragment of the person's name, never the topic. */
  private static final Set<String> FIRST_NAMES =
      Set.of(
          "james",
          "john",
          "robert",
          "michael",
          "william",
          "david",
          "richard",
          "joseph",
          "thomas",
          "charles",
          "christopher",
          "daniel",
          "matthew",
          "anthony",
          "mark",
          "donald",
          "steven",
          "paul",
          "andrew",
          "joshua",
          "kenneth",
          "kevin",
          "brian",
          "george",
          "edward",
          "ronald",
          "timothy",
          "jason",
          "jeffrey",
          "ryan",
          "jacob",
          "gary",
          "nicholas",
          "eric",
          "jonathan",
          "stephen",
          "larry",
          "justin",
          "scott",
          "brandon",
          "benjamin",
          "samuel",
          "frank",
          "gregory",
          "raymond",
          "patrick",
          "jack",
          "dennis",
          "jerry",
          "tyler",
          "aaron",
          "jose",
          "adam",
          "henry",
          "nathan",
          "douglas",
          "doug",
          "peter",
          "bill",
          "bob",
          "mike",
          "tom",
          "joe",
          "jim",
          "dan",
          "dave",
          "steve",
          "chris",
          "bernie",
          "mary",
          "patricia",
          "jennifer",
          "linda",
          "elizabeth",
          "barbara",
          "susan",
          "jessica",
          "sarah",
          "karen",
          "nancy",
          "lisa",
          "betty",
          "margaret",
          "sandra",
          "ashley",
          "kimberly",
          "kim",
          "emily",
          "donna",
          "michelle",
          "dorothy",
          "carol",
          "amanda",
          "melissa",
          "deborah",
          "stephanie",
          "rebecca",
          "sharon",
          "laura",
          "cynthia",
          "kathleen",
          "amy",
          "shirley",
          "angela",
          "helen",
          "anna",
          "brenda",
          "pamela",
          "nicole",
          "emma",
          "samantha",
          "katherine",
          "katie",
          "christine",
          "debra",
          "rachel",
          "catherine",
          "carolyn",
          "janet",
          "ruth",
          "maria",
          "heather",
          "diane",
          "virginia",
          "julie",
          "joyce",
          "victoria",
          "olivia",
          "kelly",
          "christina",
          "lauren",
          "joan",
          "evelyn",
          "judith",
          "megan",
          "cheryl",
          "andrea",
          "hannah",
          "martha",
          "jacqueline",
          "frances",
          "gloria",
          "ann",
          "teresa",
          "kathryn",
          "sara",
          "janice",
          "jean",
          "alice",
          "madison",
          "doris",
          "abigail",
          "julia",
          "judy",
          "grace",
          "denise",
          "amber",
          "marilyn",
          "beverly",
          "danielle",
          "theresa",
          "sophia",
          "marie",
          "diana",
          "brittany",
          "natalie",
          "isabella",
          "charlotte",
          "rose",
          "alexis",
          "kayla",
          "lois",
          "joanna",
          "lydia",
          "hillary");

  /** Verbs that end a reported clause ("footage shows", "inquest heard", "americans believe"). */
  private static final Set<String> VERBS =
      Set.of(
          "shows",
          "show",
          "showed",
          "shown",
          "heard",
          "hears",
          "believe",
          "believes",
          "believed",
          "said",
          "says",
          "say",
          "told",
          "tells",
          "tell",
          "claims",
          "claimed",
          "claim",
          "revealed",
          "reveals",
          "found",
          "finds",
          "left",
          "used",
          "uses",
          "want",
          "wants",
          "wanted",
          "pulled",
          "threw",
          "throw",
          "sentenced",
          "created",
          "creates",
          "needs",
          "need",
          "washed",
          "made",
          "makes",
          "took",
          "takes",
          "gave",
          "gives",
          "came",
          "comes",
          "went",
          "goes",
          "saw",
          "sees",
          "knew",
          "knows",
          "thought",
          "thinks",
          "added",
          "adds",
          "asked",
          "asks",
          "according",
          "shaking",
          "reported",
          "reports",
          "suggests",
          "suggested",
          "warned",
          "warns",
          "decided",
          "agreed",
          "announced",
          "confirmed",
          "insisted",
          "explained",
          "described",
          "arrested",
          "killed",
          "died",
          "injured",
          "charged",
          "accused",
          "expected",
          "planned",
          "launched",
          "released",
          "attacked",
          "posted",
          "shared",
          "tweeted",
          "wrote",
          "writes",
          "feel",
          "feels",
          "felt",
          "looks",
          "looked",
          "seems",
          "seemed",
          "become",
          "became",
          "remain",
          "remains",
          "remained",
          "continue",
          "continues",
          "continued",
          "appeared",
          "appears",
          "happened",
          "fell",
          "rising",
          "looking",
          "trying",
          "hit",
          "let");

  /** "ain't", "I'm", "we're": speech, not a subject. */
  private static final Pattern CONTRACTION = Pattern.compile("(?i)\\p{L}['’](t|m|re|ve|ll|d)\\b");

  private static final class Phrase {
    String surface;
    double score;
    int count;
    boolean name;

    Phrase(String surface) {
      this.surface = surface;
    }
  }

  List<String> extract(@Nullable String title, List<String> sentences) {
    return extract(title, sentences, null);
  }

  /**
   * @param language the article's declared BCP 47 language tag, or null to guess it from the text
   */
  List<String> extract(@Nullable String title, List<String> sentences, @Nullable String language) {
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
    List<@Nullable Phrase> ranked = new ArrayList<>(phrases.values());
    // a phrase must recur to count as a topic, unless it is a name
    ranked.removeIf(p -> !p.name && (p.count < 2 || p.score < 1.5));
    ranked.removeIf(p -> !isTag(p.surface) || junk(p));
    ranked.sort((a, b) -> Double.compare(b.score, a.score));
    ranked.replaceAll(p -> fuller(p, phrases));
    List<List<String>> tokenized = new ArrayList<>();
    for (String t : texts) {
      tokenized.add(WordTokens.of(t));
    }
    ranked.replaceAll(p -> completed(p, tokenized));
    ranked.removeIf(p -> p == null || !isTag(p.surface) || junk(p));
    boolean uncased = !hasCapitals(texts);
    if (uncased) {
      ranked.removeIf(TopicExtractor::everyday);
    }
    List<String> out = new ArrayList<>();
    List<String> lowerOut = new ArrayList<>();
    for (Phrase p : ranked) {
      if (p.score < MIN_SHARE_OF_TOP * ranked.get(0).score) {
        continue; // fewer tags rather than weak ones
      }
      String lower = p.surface.toLowerCase(Locale.ROOT).replace("'s ", " ");
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
    if (out.isEmpty() && !uncased) {
      // a short text with no repeated phrase: its first usable one; text without capitals gets
      // no tag rather than a phrase seen once ("trending stories") or an everyday one ("busy")
      for (Phrase p : phrases.values()) {
        if (isTag(p.surface) && !junk(p)) {
          out.add(p.surface);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Whether a candidate is junk an editor would delete: only generic words or nationalities
   * ("government", "Italian", "foreign firms"), a clause (a reporting or action verb among a word
   * run's words: "footage shows", "threw stones"), or a word run ending in a past participle.
   */
  static boolean junk(Phrase p) {
    String[] words = p.surface.toLowerCase(Locale.ROOT).split(" ");
    boolean allGeneric = true;
    for (String w : words) {
      allGeneric &= GENERIC.contains(w) || DEMONYMS.contains(w) || Stopwords.isAny(w);
    }
    if (allGeneric || (words.length == 1 && FIRST_NAMES.contains(words[0]))) {
      return true;
    }
    if (CONTRACTION.matcher(p.surface).find()) {
      return true;
    }
    String last = words[words.length - 1];
    if (DEMONYMS.contains(last) && words.length > 1) {
      return true;
    }
    if (QUANTITIES.contains(words[0]) && words.length > 1) {
      return true; // "million deficit": a piece of "a $40 million deficit"
    }
    if (p.name) {
      return false;
    }
    if (words.length == 1 && verbForm(last)) {
      return true; // a lone verb form: "chipping", "grazing", "rising"
    }
    for (String w : words) {
      if (VERBS.contains(w)) {
        return true;
      }
    }
    return last.endsWith("ed")
        && !last.endsWith("eed")
        && last.length() > 4
        && !last.equals("united");
  }

  /**
   * Whether a candidate is made only of everyday words ("finish line", "documents", "busy"): in
   * text without capitals such a phrase cannot be told from a name or a subject, so it is left out
   * (a name or a specific term has a rarer word: "tsarnaev", "norovirus", "avalanche"), unless it
   * opens with a word that opens place names ("united states").
   */
  static boolean everyday(Phrase p) {
    String[] words = p.surface.toLowerCase(Locale.ROOT).split(" ");
    if (words.length > 1 && NAME_OPENERS.contains(words[0])) {
      return false;
    }
    for (String w : words) {
      if (!EverydayWords.contains(w) && !Stopwords.isAny(w)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text is written with capitals at all: a capital letter in one text (headline or
   * sentence) in four. A lower-cased release has none; cased text has them at least where its
   * sentences open, even when it names nobody.
   */
  private static boolean hasCapitals(List<String> texts) {
    int withCapitals = 0;
    for (String t : texts) {
      if (t.codePoints().anyMatch(Character::isUpperCase)) {
        withCapitals++;
      }
    }
    return withCapitals > 0 && withCapitals * 4 >= texts.size();
  }

  /**
   * Whether a word is the -ing form of an everyday verb ("chipping" of "chip", "grazing" of
   * "graze", "rising" of "rise"), not a name that ends so ("beijing", "boeing").
   */
  static boolean verbForm(String word) {
    if (!word.endsWith("ing") || word.length() < 6) {
      return false;
    }
    String stem = word.substring(0, word.length() - 3);
    int n = stem.length();
    boolean doubled = n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2);
    return EverydayWords.contains(stem)
        || EverydayWords.contains(stem + "e")
        || doubled && EverydayWords.contains(stem.substring(0, n - 1));
  }

  /**
   * A one-word candidate that begins a longer name or word run of the same article ("Jorja" and
   * "Jorja Whitcombe", "bernie" and "bernie sanders") stands for it: the longer form, when it is a
   * tag itself and occurs at least twice.
   */
  private static Phrase fuller(Phrase p, Map<String, Phrase> phrases) {
    String key = p.surface.toLowerCase(Locale.ROOT);
    if (key.contains(" ")) {
      return p;
    }
    Phrase best = null;
    for (Map.Entry<String, Phrase> e : phrases.entrySet()) {
      Phrase q = e.getValue();
      if (e.getKey().startsWith(key + " ")
          && q.count >= 2
          && isTag(q.surface)
          && !junk(q)
          && (best == null
              || q.count > best.count
              || (q.count == best.count && q.score > best.score))) {
        best = q;
      }
    }
    return best == null || best.count * 2 < p.count ? p : best;
  }

  /**
   * A fragment of a longer name made whole: when every time the phrase occurs (at least twice) the
   * same word stands before it, or after it, it is part of a longer name ("york" of "new york",
   * "city bombing" of "oklahoma city bombing", "indian air" of "indian air force"). Lower-case
   * phrases take the missing words (up to {@link #MAX_TAG_WORDS}); a cased one, whose full name is
   * a candidate of its own, is dropped. Returns the phrase, its completion, or null.
   */
  private static @Nullable Phrase completed(Phrase p, List<List<String>> texts) {
    Phrase current = p;
    for (int round = 0; round < MAX_TAG_WORDS && current != null; round++) {
      String[] words = current.surface.toLowerCase(Locale.ROOT).split(" ");
      String before = sharedNeighbour(words, texts, -1);
      String after = before == null ? sharedNeighbour(words, texts, 1) : null;
      if (before == null && after == null) {
        return current;
      }
      boolean lower = current.surface.equals(current.surface.toLowerCase(Locale.ROOT));
      if (!lower || words.length >= MAX_TAG_WORDS) {
        return null;
      }
      Phrase whole =
          new Phrase(
              before != null ? before + " " + current.surface : current.surface + " " + after);
      whole.score = current.score;
      whole.count = current.count;
      whole.name = current.name;
      current = whole;
    }
    return current;
  }

  /** Everyday words that open many place names: "new york", "south africa", "los angeles". */
  private static final Set<String> NAME_OPENERS =
      Set.of(
          "new",
          "north",
          "south",
          "east",
          "west",
          "northern",
          "southern",
          "eastern",
          "western",
          "san",
          "santa",
          "los",
          "las",
          "el",
          "saint",
          "great",
          "upper",
          "lower",
          "old",
          "united");

  /**
   * Particles inside names ("le coq", "van gogh", "bin laden", "da silva"): a fragment always
   * preceded or followed by one takes it, though it is a function word.
   */
  private static final Set<String> NAME_PARTICLES =
      Set.of(
          "le", "la", "de", "del", "der", "den", "di", "da", "du", "van", "von", "bin", "ibn", "al",
          "el", "abu", "mc", "mac");

  /** Most words in a tag completed from its fragment. */
  private static final int MAX_TAG_WORDS = 4;

  /**
   * The one word that stands at {@code side} (-1 before, 1 after) of every occurrence of {@code
   * words}, when they occur at least twice and it is a content word; else null.
   */
  private static @Nullable String sharedNeighbour(
      String[] words, List<List<String>> texts, int side) {
    String shared = null;
    int seen = 0;
    for (List<String> tokens : texts) {
      for (int i = 0; i + words.length <= tokens.size(); i++) {
        if (!matchesAt(tokens, i, words)) {
          continue;
        }
        int n = side < 0 ? i - 1 : i + words.length;
        String w = n >= 0 && n < tokens.size() ? tokens.get(n) : null;
        if (w == null
            || Stopwords.isAny(w) && !NAME_OPENERS.contains(w) && !NAME_PARTICLES.contains(w)
            || VERBS.contains(w)
            || !Character.isLetter(w.charAt(0))
            || shared != null && !shared.equals(w)) {
          return null;
        }
        shared = w;
        seen++;
      }
    }
    return seen >= 2 ? shared : null;
  }

  private static boolean matchesAt(List<String> tokens, int at, String[] words) {
    for (int k = 0; k < words.length; k++) {
      if (!tokens.get(at + k).equals(words[k])) {
        return false;
      }
    }
    return true;
  }

  /** Whether a phrase may be shown as a tag: not only function words, not a bare abbreviation. */
  static boolean isTag(String surface) {
    if (FRAGMENT.matcher(surface).matches()) {
      return false;
    }
    for (String w : surface.split(" ")) {
      String lower = w.toLowerCase(Locale.ROOT).replace(".", "");
      boolean acronym =
          w.length() > 1
              && Character.isLetter(w.charAt(0))
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
      boolean abbreviation =
          ABBREVIATION.matcher(r).matches() && k + 1 < raw.length && isCapitalised(raw[k + 1]);
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
      List<String> words,
      List<Boolean> breaks,
      double boost,
      Set<String> stop,
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
      while (j < words.size()
          && !breaks.get(j - 1)
          && (isCapitalised(words.get(j))
              || (NAME_JOINERS.contains(words.get(j))
                  && j + 1 < words.size()
                  && isCapitalised(words.get(j + 1))))) {
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
      List<String> words,
      List<Boolean> breaks,
      double boost,
      Set<String> stop,
      Map<String, Phrase> phrases) {
    int i = 0;
    while (i < words.size()) {
      if (!isTopicWord(words.get(i).toLowerCase(Locale.ROOT), stop)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < words.size()
          && !breaks.get(j - 1)
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
    return w.length() > 2
        && WordTokens.isContent(w)
        && !WEAK_NAMES.contains(w)
        && !stop.contains(w)
        && !w.endsWith("ly")
        && Character.isLetter(w.charAt(0))
        && Character.isLetterOrDigit(w.charAt(w.length() - 1));
  }

  private static boolean isCapitalised(String w) {
    return w.length() > 1
            && Character.isUpperCase(w.charAt(0))
            && !w.equals(w.toUpperCase(Locale.ROOT))
        || w.length() > 1
            && w.length() <= 5
            && w.equals(w.toUpperCase(Locale.ROOT))
            && Character.isLetter(w.charAt(0));
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
