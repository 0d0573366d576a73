package dev.pulse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

  private static final String STORY =
      """
      The harbour council voted on Tuesday evening to reopen the old lighthouse to visitors from
      the first weekend of spring, ending a closure that began when storms damaged the gallery
      railings three winters ago. Repairs were paid for by a grant from the regional heritage fund
      and by a long campaign of bake sales, raffles and a sponsored swim organised by the friends
      of the lighthouse. Volunteers will guide groups of twelve up the spiral staircase every hour,
      and the keeper's cottage at the foot of the tower will open as a small museum about the
      families who kept the light burning for more than a century. The council expects around
      fifteen thousand visitors in the first year and hopes that cafes and shops on the quay will
      benefit from the extra footfall. Tickets will be sold at the harbour office and online, with
      free entry for children under five and for residents on the first Sunday of each month.
      """;

  private static final String OTHER =
      """
      A new cycle path linking the railway station with the university campus opened this morning
      after eighteen months of construction. The route follows the old canal towpath for most of its
      length and includes a bridge over the ring road designed to carry bicycles, wheelchairs and
      pushchairs side by side. City engineers say the path will take about two thousand car journeys
      off the roads each weekday, and students who tried it during the opening ceremony said the
      ride took twelve minutes, about half the time of the bus. Lighting along the canal section will
      be switched on at dusk and motion sensors will dim it again when nobody is passing, to avoid
      disturbing the bats that roost under the towpath bridges. Local businesses near the station
      have asked for more bicycle parking, which the council says will follow next year.
      """;

  private final SimHash simHash = SimHash.defaults();

  @Test
  void givesTheSameFingerprintForTheSameTextInAnotherLayout() {
    assertThat(simHash.fingerprint(STORY))
        .isEqualTo(simHash.fingerprint(STORY.toUpperCase().replace("\n", "  ")));
  }

  @Test
  void findsAnEditedCopyNearlyTheSame() {
    String edited = STORY.replace("Tuesday evening", "Tuesday night") + " Updated at 10:42.";

    long a = simHash.fingerprint(STORY);
    long b = simHash.fingerprint(edited);

    assertThat(simHash.nearDuplicates(a, b)).as("distance %d", SimHash.distance(a, b)).isTrue();
  }

  @Test
  void tellsDifferentArticlesApart() {
    long a = simHash.fingerprint(STORY);
    long b = simHash.fingerprint(OTHER);

    assertThat(simHash.nearDuplicates(a, b)).as("distance %d", SimHash.distance(a, b)).isFalse();
  }

  @Test
  void givesZeroForATextWithoutWords() {
    assertThat(simHash.fingerprint(" ... !!! ")).isZero();
  }

  @Test
  void countsDifferingBits() {
    assertThat(SimHash.distance(0b1011L, 0b0110L)).isEqualTo(3);
  }
}
