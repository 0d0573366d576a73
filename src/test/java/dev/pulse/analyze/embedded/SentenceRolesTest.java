package dev.pulse.analyze.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.text.WordTokens;
import org.junit.jupiter.api.Test;

class SentenceRolesTest {

  @Test
  void tellsCaptionsFromText() {
    assertThat(SentenceRoles.isCaption("Sad end: the last train leaves the depot.")).isTrue();
    assertThat(SentenceRoles.isCaption("Paul Shorter (left) arrives at court on Monday.")).isTrue();
    assertThat(SentenceRoles.isCaption("The mayor, pictured at the opening, said no.")).isTrue();
    assertThat(SentenceRoles.isCaption("The mayor said: 'We will rebuild.'")).isFalse();
    assertThat(SentenceRoles.isCaption("The bridge opened at 10:30 on Monday.")).isFalse();
    assertThat(SentenceRoles.isCaption("Police said: the road is closed.")).isFalse();
  }

  @Test
  void findsOpenersThatPointBack() {
    assertThat(pointsBack("He said the plan was dead.")).isTrue();
    assertThat(pointsBack("The move angered residents.")).isTrue();
    assertThat(pointsBack("The 41-year-old denies the charge.")).isTrue();
    assertThat(pointsBack("The man who led the team has resigned.")).isFalse();
    assertThat(pointsBack("The plan to close the school was dropped.")).isFalse();
    assertThat(pointsBack("The city council approved the budget.")).isFalse();
    assertThat(pointsBack("\"It is over,\" the mayor said.")).isFalse();
    assertThat(pointsBack("\"It is over,\" she said.")).isTrue();
    assertThat(pointsBack("Only a fraction of that work has begun.")).isTrue();
    assertThat(pointsBack("The dispute over water rights went to court.")).isFalse();
  }

  @Test
  void findsSentencesThatStopMidThought() {
    assertThat(SentenceRoles.endsMidThought("The results were as follows:")).isTrue();
    assertThat(SentenceRoles.endsMidThought("And then there was the matter of")).isTrue();
    assertThat(SentenceRoles.endsMidThought("The talks went on and on...")).isTrue();
    assertThat(SentenceRoles.endsMidThought("though new york police department det.")).isTrue();
    assertThat(SentenceRoles.endsMidThought("The talks ended.")).isFalse();
    assertThat(SentenceRoles.endsMidThought("\"We won,\" she said.\"")).isFalse();
  }

  @Test
  void findsSentencesThatNeedContext() {
    assertThat(SentenceRoles.needsContext("\"It was the best day of my life.\"")).isTrue();
    assertThat(SentenceRoles.needsContext("Jorja Whitcombe, 41, spent 14 years at the depot."))
        .isTrue();
    assertThat(SentenceRoles.needsContext("Murray, 27, will marry on Saturday.")).isFalse();
    assertThat(SentenceRoles.needsContext("The depot closed on Friday.")).isFalse();
  }

  @Test
  void readsTheNameOfAPersonIntroducedByNameAndAge() {
    assertThat(SentenceRoles.nameAndAge("Jorja Whitcombe, 41, spent 14 years at the depot."))
        .isEqualTo("Jorja Whitcombe");
    assertThat(SentenceRoles.nameAndAge("The depot, built in 1931, closed.")).isNull();
  }

  @Test
  void findsSentencesThatLookAhead() {
    assertThat(SentenceRoles.looksAhead("Talks will resume in the spring.")).isTrue();
    assertThat(SentenceRoles.looksAhead("The plant is expected to reopen by the end of March."))
        .isTrue();
    assertThat(SentenceRoles.looksAhead("The plant opened in 1998.")).isFalse();
  }

  private static boolean pointsBack(String s) {
    return SentenceRoles.pointsBack(s, WordTokens.of(s));
  }
}
