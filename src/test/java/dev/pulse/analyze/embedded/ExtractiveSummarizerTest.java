package dev.pulse.analyze.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.text.SentenceSplitter;
import dev.pulse.text.WordTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

  private static final List<String> STORY =
      List.of(
          "By Jane Example, Staff Reporter",
          "PORTVILLE (Pulse Wire) -- Dock workers in Portville ended a nine-day strike on Friday after union leaders accepted a pay offer.",
          "It was the longest stoppage at the port in twenty years.",
          "Shipping companies had diverted dozens of vessels to other harbours during the strike.",
          "Cargo handling at Portville is expected to return to normal by Monday, the port authority said.",
          "\"We are relieved,\" one worker said.",
          "Talks on pensions will resume in the spring.");

  private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(90);

  @Test
  void staysWithinTheWordBudget() {
    for (int budget : new int[] {20, 35, 60, 90}) {
      String summary = new ExtractiveSummarizer(budget).summarize("Port strike ends", STORY);
      assertThat(WordTokens.count(summary)).isLessThanOrEqualTo(budget);
    }
  }

  @Test
  void usesWholeSentencesInArticleOrder() {
    String summary = summarizer.summarize("Port strike ends after pay deal", STORY);
    List<Integer> positions = new ArrayList<>();
    List<String> picked = SentenceSplitter.split(summary);
    assertThat(picked).hasSizeBetween(3, 4);
    for (String s : picked) {
      int at = -1;
      for (int i = 0; i < STORY.size(); i++) {
        if (STORY.get(i).endsWith(s)) {
          at = i;
        }
      }
      assertThat(at).as("sentence taken whole from the article: %s", s).isNotNegative();
      positions.add(at);
    }
    assertThat(positions).isSorted();
  }

  @Test
  void leavesOutBylinesAndDatelines() {
    String summary = summarizer.summarize("Port strike ends after pay deal", STORY);
    assertThat(summary)
        .doesNotContain("Staff Reporter")
        .doesNotContain("Pulse Wire")
        .startsWith("Dock workers");
  }

  @Test
  void neverOpensWithAPronounWhoseAntecedentIsMissing() {
    List<String> story =
        List.of(
            "He said the plan would never work and walked out of the meeting early.",
            "The city council approved the new bus network on Tuesday after a long debate.",
            "It will start in June with twelve routes across the city centre.",
            "Fares will stay the same for the first year, officials said.");
    String summary = summarizer.summarize("Council approves bus network", story);
    assertThat(summary).doesNotStartWith("He ").startsWith("The city council");
  }

  @Test
  void stripsAgencyDatelinesFromLowerCaseText() {
    assertThat(ExtractiveSummarizer.stripDateline("des moines, iowa (cnn) the senator said no."))
        .isEqualTo("the senator said no.");
    assertThat(ExtractiveSummarizer.stripDateline("The company (Acme) said no."))
        .isEqualTo("The company (Acme) said no.");
  }

  @Test
  void prefersTwoSentencesToOneLongOneWhenTwoFit() {
    List<String> story =
        List.of(
            "The regional council voted late on Tuesday, after a debate that ran for more than"
                + " nine hours and drew protesters from both sides, to build a new tram line"
                + " linking the airport, the university, the main railway station and the old"
                + " harbour district before the end of the decade.",
            "The line will cost 400 million euros and carry 60,000 passengers every day.",
            "Shops along the route fear years of disruption during the building work.");
    String summary = new ExtractiveSummarizer(60).summarize("Council backs tram line", story);
    assertThat(SentenceSplitter.split(summary)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(WordTokens.count(summary)).isLessThanOrEqualTo(60);
  }

  @Test
  void leavesOutAPieceOfAQuotationThatSpansSentences() {
    List<String> story =
        List.of(
            "The mayor opened the new bridge over the river on Saturday morning.",
            "\"This bridge joins two halves of our city.",
            "It took six years to build and it was worth every day,\" she told the crowd.",
            "About 20,000 vehicles are expected to cross it every day.");
    String summary = summarizer.summarize("Mayor opens bridge", story);
    assertThat(summary).doesNotContain("\"");
    assertThat(ExtractiveSummarizer.quotesBalanced("\"We won,\" he said.")).isTrue();
    assertThat(ExtractiveSummarizer.quotesBalanced("It was worth it,\" she said.")).isFalse();
  }

  @Test
  void fallsBackToTheTitleWhenThereIsNoText() {
    assertThat(summarizer.summarize("Port strike ends", List.of())).isEqualTo("Port strike ends");
  }

  @Test
  void cutsAnOverlongSingleSentenceToTheBudget() {
    String longSentence = "word ".repeat(80).strip() + ".";
    String summary = new ExtractiveSummarizer(20).summarize(null, List.of(longSentence));
    assertThat(WordTokens.count(summary)).isLessThanOrEqualTo(21);
  }

  @Test
  void rejectsATinyBudget() {
    assertThatThrownBy(() -> new ExtractiveSummarizer(5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tellsABareQuotationFromAnAttributedOne() {
    assertThat(SentenceRoles.isBareQuote("\"My son thinks I build robots.\"")).isTrue();
    assertThat(SentenceRoles.isBareQuote("\u201cWe have a waiting list.\u201d")).isTrue();
    assertThat(SentenceRoles.isBareQuote("\"We have a waiting list,\" the principal said."))
        .isFalse();
    assertThat(SentenceRoles.isBareQuote("The principal said the college is full.")).isFalse();
  }

  @Test
  void prefersAFactOverAnUnattributedQuotation() {
    List<String> story =
        List.of(
            "The town opened its new library on Saturday after two years of building work.",
            "\"It is the best thing to happen here in years, and everyone I know agrees with me.\"",
            "The library holds 40,000 books and has a children's room and a cafe on the ground floor.",
            "It will open every day from nine in the morning until eight in the evening.");
    String summary = new ExtractiveSummarizer(40).summarize("Town opens new library", story);
    assertThat(summary).contains("40,000 books").doesNotContain("best thing");
  }

  @Test
  void givesThreeOrFourSentencesWithinTheBandWhenTheArticleHasThem() {
    String summary = summarizer.summarize("Port strike ends after pay deal", STORY);
    assertThat(SentenceSplitter.split(summary)).hasSizeBetween(3, 4);
    assertThat(WordTokens.count(summary)).isBetween(50, 90);
  }

  @Test
  void leavesOutPhotoCaptions() {
    List<String> story =
        List.of(
            "The county council voted on Tuesday to close three of its five public libraries"
                + " by the end of the year to save money.",
            "Sad end: readers queue outside the Mill Street library on its last Saturday.",
            "Librarian Ann Cole (left) hands a book to a pupil at the branch last week.",
            "The closures will save about 1.2 million pounds a year, the council said in a"
                + " report to councillors before the vote.",
            "Campaigners said they would ask the courts to review the decision in the new year.",
            "The two libraries left open will extend their opening hours from January.");
    String summary = summarizer.summarize("Council votes to close libraries", story);
    assertThat(summary).doesNotContain("Sad end").doesNotContain("(left)");
  }

  @Test
  void dropsALeadThatRepeatsTheStandfirst() {
    List<String> story =
        List.of(
            "Brightwell Freight will close its Canal Street distribution center by March.",
            "Brightwell Freight will lay off 340 workers and close its Canal Street distribution"
                + " center by the end of March, the company said on Tuesday, after losing its"
                + " largest customer.",
            "The grocery chain moved its business to a rival operator with a newer warehouse"
                + " outside the city.",
            "Union officials said they would meet the company next week to discuss severance"
                + " pay for the workers.",
            "The site has been one of the town's biggest private employers since 1998.");
    String summary = summarizer.summarize("Brightwell Freight to cut 340 jobs", story);
    assertThat(summary).contains("340 workers").doesNotContain("by March.");
  }

  @Test
  void neverOpensOnANounThatPointsBack() {
    List<String> story =
        List.of(
            "The move was welcomed by residents who had campaigned against the road for years.",
            "The regional government has scrapped plans for a bypass around the village of"
                + " Eastleigh after a review of its costs.",
            "The road would have cost 80 million euros and crossed two nature reserves.",
            "Officials said the money will go to bus services in the valley from next year.");
    String summary = summarizer.summarize("Bypass scrapped", story);
    assertThat(summary).startsWith("The regional government");
  }

  @Test
  void prefersToCloseOnWhatHappensNextOverAnAnecdote() {
    List<String> story =
        List.of(
            "The Ironvale rail depot closed on Friday after 90 years, ending 210 jobs in a town"
                + " of 8,000 people.",
            "The operator moved maintenance to a new site 200 kilometres away last year.",
            "Jorja Whitcombe, 41, spent 14 years repairing locomotive brakes before the depot"
                + " shut.",
            "The council will open a jobs centre in the depot's offices next month to help"
                + " former workers retrain.");
    String summary = summarizer.summarize("Rail depot closes", story);
    assertThat(summary).endsWith("retrain.");
  }
}
