package dev.pulse.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks generated text (a summary, an editor's note) against the article it was written from.
 * Every figure, date, quotation and name in the generated text must be found in the article after
 * normalisation; the rest are unsupported claims, recorded on the entry as flags such as {@code
 * unsupported number "2,000"}. Pure: no I/O after the word lists are read, thread-safe.
 *
 * <p>Figures: "1,800" = "1800", "$3.5 million" = "3.5m dollars", "a third" = "one third" ≈ "33%",
 * written-out numbers ("twenty-five", "a hundred"), a whole number rounding a price off by less
 * than 1% ("$64" for "$63.99") or a round one another within 5% ("1,800" for "1,789"), a hedged
 * round figure a less round one in its direction ("nearly 2,000" for "1,950", see {@link Hedges}),
 * a span of time in another unit ("30 minutes", "half an hour"); "one", "first" and "half" alone
 * are too loose to check. A figure must also fit what it counts when the article counts the same
 * thing: "eleven other teens" against "four other teens" is flagged, and an age must be one of the
 * article's ages. Dates: weekdays, months and day-month pairs; a date or year beside a word the
 * article ties to other dates only ("died in 1982" against "died in 1985") is flagged. Quotations:
 * words in double quotes must appear in that order in the article (an ellipsis may join two
 * passages). Names: capitalised words and runs of them, each word found in the article (or its
 * derived form, Nepal/Nepalese, a one-letter slip in a long word, or two article words written as
 * one), so a surname matches its full name; an acronym may stand for the initials of a name. Text
 * without capitals (some archives ship it lower-cased) has its names found as words a dictionary
 * does not know or lists mostly as names, and a word put where the article has a name is flagged
 * ({@link Neighbours}, {@link Slots}). Sentences pointing to other pages ("Read: ...", "click
 * here") are not checked ({@link Pointers}).
 */
public final class FaithfulnessChecker {

  private final Lexicon lexicon;

  private FaithfulnessChecker(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The checker with the bundled word list. */
  public static FaithfulnessChecker standard() {
    return new FaithfulnessChecker(Lexicon.standard());
  }

  /**
   * The flags for generated texts checked against one article, each at most once, in order.
   *
   * @param article the article's title and text
   * @param generated summary, editor's note...; null or blank ones are skipped
   * @return flags like {@code unsupported name "Marovia"}; empty when everything was found
   */
  public List<String> flags(@Nullable String article, @Nullable String... generated) {
    Source source = new Source(article == null ? "" : article);
    Set<String> out = new LinkedHashSet<>();
    for (String g : generated) {
      if (g != null && !g.isBlank()) {
        unsupported(source, g).forEach(c -> out.add(c.flag()));
      }
    }
    return List.copyOf(out);
  }

  /** The claims of {@code generated} that {@code article} does not support, in text order. */
  public List<Claim> unsupported(@Nullable String article, String generated) {
    return unsupported(new Source(article == null ? "" : article), generated);
  }

  /**
   * Whether the article supports a figure: as written (see {@link Source#supports(Figures.Figure,
   * boolean, List)}), within its hedge ("about 60" for 57), or as the same span of time ("30
   * minutes" for "half an hour").
   */
  private static boolean supported(
      Source source, String text, List<Words.Word> words, Figures.Figure f) {
    Hedges.Range range = Hedges.range(text, f);
    if (source.supports(
        f, Counted.isAge(text, f), Counted.nouns(text, words, f, true), range == null)) {
      return true;
    }
    if (range != null && source.supportsWithin(f, range)) {
      return true;
    }
    double span = Durations.of(text, words, f);
    return !Double.isNaN(span) && source.supportsDuration(span);
  }

  private List<Claim> unsupported(Source source, String written) {
    String generated = Pointers.blank(written);
    boolean caseless = source.caseless() || Words.isCaseless(generated);
    String text = caseless ? generated.toLowerCase(Locale.ROOT) : generated;
    List<Words.Word> words = Words.of(text);
    List<Claim> out = new ArrayList<>();
    for (Figures.Figure f : Figures.find(text, words)) {
      if (f.claim()
          && (!supported(source, text, words, f)
              || Source.isYear(text, f)
                  && source.contradicts(
                      "year " + (long) f.value(),
                      Anchors.around(text, words, f.start(), f.end())))) {
        out.add(new Claim(Claim.Kind.NUMBER, generated.substring(f.start(), f.end())));
      }
    }
    for (Dates.Mention d : Dates.find(text, words, caseless)) {
      if (!source.supports(d)
          || source.contradicts(Source.when(d), Anchors.around(text, words, d.start(), d.end()))) {
        out.add(new Claim(Claim.Kind.DATE, generated.substring(d.start(), d.end())));
      }
    }
    for (String q : Quotes.find(generated)) {
      if (!source.supportsQuote(q)) {
        out.add(new Claim(Claim.Kind.QUOTE, q.length() <= 80 ? q : q.substring(0, 77) + "..."));
      }
    }
    for (Names.Name n : Names.find(text, words, caseless, lexicon)) {
      if (!source.supports(n) && !(caseless && Neighbours.supportsCore(n, source, lexicon))) {
        out.add(new Claim(Claim.Kind.NAME, n.text()));
      }
    }
    if (caseless) {
      for (String pair : Neighbours.swapped(text, words, source, lexicon)) {
        out.add(new Claim(Claim.Kind.NAME, pair));
      }
      for (String word : Slots.swapped(text, words, source, lexicon)) {
        out.add(new Claim(Claim.Kind.NAME, word));
      }
    }
    return out;
  }
}
