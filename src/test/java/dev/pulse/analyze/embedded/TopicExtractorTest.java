package dev.pulse.analyze.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.text.Stopwords;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicExtractorTest {

  private final TopicExtractor extractor = new TopicExtractor();

  @Test
  void findsTheNamesAStoryIsAbout() {
    List<String> topics =
        extractor.extract(
            "Harbour Foods profit jumps",
            List.of(
                "Harbour Foods said on Tuesday that its annual profit rose 18 percent.",
                "Shares in Harbour Foods climbed in early trading in New York.",
                "The grocer plans 30 new stores in New York next year."));
    assertThat(topics).hasSizeBetween(1, 3).contains("Harbour Foods");
  }

  @Test
  void findsRepeatedPhrasesInLowerCaseText() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "the ferry strike entered its third day on monday.",
                "commuters faced long queues as the ferry strike continued.",
                "union leaders said the ferry strike could last a week."));
    assertThat(topics).hasSizeBetween(1, 3).contains("ferry strike");
  }

  @Test
  void keepsTheCapitalisedSpellingOfAName() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "Shares in Lumo rose after the launch.",
                "Analysts said Lumo had a strong quarter.",
                "Lumo plans two more phones."));
    assertThat(topics).contains("Lumo").doesNotContain("lumo");
  }

  @Test
  void dropsPhrasesContainedInABetterOne() {
    List<String> topics =
        extractor.extract(
            "New York marathon",
            List.of("The New York marathon drew 50,000 runners.", "New York police closed roads."));
    assertThat(topics).doesNotHaveDuplicates();
    for (String a : topics) {
      for (String b : topics) {
        if (!a.equals(b)) {
          assertThat(b.toLowerCase()).doesNotContain(a.toLowerCase());
        }
      }
    }
  }

  private static final List<String> SPANISH =
      List.of(
          "El mercado de flores de San Telmo abrió el sábado con más puestos que nunca.",
          "Los vecinos dicen que el mercado de flores es ya una tradición por la que vienen"
              + " visitantes de toda la región.",
          "Por la tarde, el mercado de flores se llenó de familias que compraron plantas por"
              + " poco dinero.");

  @Test
  void neverTagsFunctionWordsOfTheDeclaredLanguage() {
    List<String> topics = extractor.extract("Flores en San Telmo", SPANISH, "es-AR");
    assertThat(topics).isNotEmpty();
    for (String t : topics) {
      assertThat(TopicExtractor.isTag(t)).as(t).isTrue();
      assertThat(t.toLowerCase()).isNotIn("que", "por", "la", "el", "los", "de");
    }
  }

  @Test
  void guessesTheLanguageWhenNoneIsDeclared() {
    assertThat(Stopwords.language(null, "Flores en San Telmo", SPANISH)).isEqualTo("es");
    List<String> english = List.of("The river rose overnight and the town was flooded.");
    assertThat(Stopwords.language(null, "Floods hit the valley", english)).isEqualTo("en");
    assertThat(Stopwords.language("de-AT", null, List.of())).isEqualTo("de");
    List<String> topics = extractor.extract(null, SPANISH, null);
    assertThat(topics)
        .isNotEmpty()
        .noneMatch(t -> t.equalsIgnoreCase("que") || t.equalsIgnoreCase("por"));
  }

  @Test
  void functionWordsOfOtherLanguagesAreNeverTags() {
    for (String w : List.of("que", "por", "les", "und", "não", "della", "the", "St", "Mt.")) {
      assertThat(TopicExtractor.isTag(w)).as(w).isFalse();
    }
    // English words that other languages spell the same stay usable
    for (String w : List.of("war", "son", "car", "US", "Los Angeles", "festival")) {
      assertThat(TopicExtractor.isTag(w)).as(w).isTrue();
    }
  }

  @Test
  void anAbbreviationJoinsTheNameItStartsAndIsNeverATagAlone() {
    List<String> topics =
        extractor.extract(
            "Queues shorten at St. Brendan Hospital",
            List.of(
                "Waits at St. Brendan Hospital fell by a third this year.",
                "Doctors at St. Brendan Hospital credit three new clinics.",
                "The clinics opened near Mt. Tabor last spring."));
    assertThat(topics).noneMatch(t -> t.matches("(St|Mt)\\.?"));
    assertThat(topics).anyMatch(t -> t.contains("Brendan"));
  }

  @Test
  void clausesGenericWordsNationalitiesAndFirstNamesAreNoTopics() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "footage shows the flooded village as the levee repairs begin.",
                "the footage shows levee repairs under way, and americans believe the levees failed.",
                "the government said the flooded village would be rebuilt, sharon told reporters.",
                "levee repairs went on through the night; the government promised more boats."));
    assertThat(topics)
        .contains("levee repairs")
        .doesNotContain("footage shows", "americans believe", "government", "sharon");
  }

  @Test
  void aFirstNameStandsForTheFullNameTheArticleGives() {
    List<String> topics =
        extractor.extract(
            "Jorja returns to the depot",
            List.of(
                "Jorja Whitcombe spent 14 years repairing locomotive brakes.",
                "Jorja Whitcombe now trains apprentices at the new plant.",
                "Jorja said the work was familiar."));
    assertThat(topics).contains("Jorja Whitcombe").doesNotContain("Jorja");
  }

  @Test
  void completesAFragmentThatAlwaysStandsBesideTheSameWord() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "heavy rain flooded subway stations across new york on monday.",
                "new york officials closed three lines after the storm.",
                "the subway flooding left commuters in new york stranded for hours.",
                "subway service resumed on tuesday."));
    assertThat(topics).contains("new york").doesNotContain("york");
  }

  @Test
  void textWithoutCapitalsGetsNoTagMadeOnlyOfEverydayWords() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "runners crossed the finish line as kovalenko took the lead.",
                "kovalenko said the finish line came sooner than she expected.",
                "the documents show kovalenko trained for two years.",
                "the documents were released after the finish line ceremony."));
    assertThat(topics).contains("kovalenko").doesNotContain("finish line", "documents");
  }

  @Test
  void textWithCapitalsKeepsEverydaySubjects() {
    List<String> topics =
        extractor.extract(
            "Interest rates held",
            List.of(
                "The Bank of Lorvia kept interest rates at 4% on Thursday.",
                "Interest rates have not moved since March, Governor Anna Pell said.",
                "Economists expect interest rates to fall next year."));
    assertThat(topics).contains("interest rates");
  }

  @Test
  void textWithoutCapitalsAndWithoutAGoodCandidateGetsNoTag() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "it was a busy day and the roads were busy too.",
                "people said the day felt long and busy."));
    assertThat(topics).isEmpty();
  }

  @Test
  void aLoneVerbFormIsNoTopic() {
    assertThat(TopicExtractor.verbForm("chipping")).isTrue();
    assertThat(TopicExtractor.verbForm("rising")).isTrue();
    assertThat(TopicExtractor.verbForm("beijing")).isFalse();
    assertThat(TopicExtractor.verbForm("boeing")).isFalse();
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "the chipping went badly for kovalenko at the ostrava open.",
                "kovalenko blamed her chipping on the wind at ostrava.",
                "her chipping improved on the last day."));
    assertThat(topics).doesNotContain("chipping");
  }

  @Test
  void anAbbreviatedTitleIsNoTopicAndAFigureIsNoPhrase() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "sen elizabeth warren questioned the $40 million deficit.",
                "the charity's $8 million deficit worried sen warren and sen ted cruz.",
                "warren said the million deficit was not the charity's only problem."));
    assertThat(topics).contains("warren").doesNotContain("sen", "million deficit");
  }

  @Test
  void aNameParticleCompletesAFragment() {
    List<String> topics =
        extractor.extract(
            null,
            List.of(
                "the photographer fabien le coq found an unusual tree in brittany.",
                "le coq said the tree had grown around a rock.",
                "images by le coq have been shown in rennes and in brittany."));
    assertThat(topics).contains("le coq").doesNotContain("coq");
  }

  @Test
  void aNameMentionedInPassingIsNoTopic() {
    List<String> topics =
        extractor.extract(
            "Harbour Foods profit jumps",
            List.of(
                "Harbour Foods said on Tuesday that its annual profit rose 18 percent.",
                "Shares in Harbour Foods climbed in early trading.",
                "Harbour Foods plans 30 new stores next year.",
                "Harbour Foods will also hire 400 staff.",
                "A spokesman for Harbour Foods said the stores would open in spring.",
                "Rivals such as Lumo have cut prices.",
                "Lumo did not comment."));
    assertThat(topics).contains("Harbour Foods").doesNotContain("Lumo");
  }

  @Test
  void casedTextThatNamesNobodyKeepsItsEverydaySubject() {
    List<String> topics =
        extractor.extract(
            "Oil prices climb again",
            List.of(
                "Oil prices rose for a fifth day on the news.",
                "Traders said oil prices could climb further before the winter."));
    assertThat(topics).anyMatch(t -> t.toLowerCase().contains("oil"));
  }
}
