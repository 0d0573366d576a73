package dev.pulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineFilterTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Advertisement",
        "ANZEIGE",
        "Реклама",
        "Read more »",
        "Leggi anche:",
        "https://example.org/news/2024/03/05/some-story.html",
        "___",
        "Image 3 of 12",
        "Image 1 of / 8",
        "1 / 8",
        "5 min read",
        "Tempo de leitura: 2 minutos",
        "Photo: Jan Novak / Gazette",
        "(Image credit: Space Agency)",
        "Jane Roe/Daily Times/Getty Images",
        "November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm",
        "Nov. 20, 2019 5:52 AM EST",
        "Published 05.03.2024, 09:30",
        "5. März 2024, 09:30 Uhr",
        "Publicado el 5 de marzo de 2024",
        "By Jane Roe, Staff Writer",
        "Von Klaus Meier und Anna Schmidt",
        "(Reporting by Jane Roe and John Doe; editing by Max Mustermann)",
        "Contributing: Jane Roe",
        "Jane Roe in Berlin contributed to this report.",
        "Write to Jane Roe at jane.roe@example.com",
        "Follow Jane Roe on Twitter.",
        "Follow the Gazette on Instagram, Facebook and YouTube.",
        "Filed under: Politics | Europe",
        "Tags: harbour, ferries, council",
        "Popular on Example News",
        "05/10/2018 - Publicado por: Ana Souza - Categoria: Saúde - Tags: bairro",
        "The quay at dawn. (Photo: Jan Novak/Gazette)",
      })
  void dropsFurnitureLines(String line) {
    assertThat(LineFilter.isFurniture(line, null, null)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The council met on March 5, 2024, and voted for the plan.",
        "More than 2,000 people attended.",
        "In 2019, sales fell by a third.",
        "What happens next",
        "Volunteers contributed to the clean-up, the mayor said.",
        "Popular demand forced a change.",
        "By Monday, the council had voted for the plan.",
        "Im März 2024 stimmte der Rat für den Plan.",
        "The agenda: a new date for the vote, and the budget.",
        "Sources close to the ministry said the plan would be delayed, perhaps until the spring.",
        "Follow the river path for two kilometres and turn left at the bridge.",
        "Phase one: the river path, four kilometres.",
        "东京の新しい図書館は、土曜日に開館しました。",
      })
  void keepsArticleLines(String line) {
    assertThat(LineFilter.isFurniture(line, null, null)).isFalse();
  }

  @Test
  void dropsLinesRepeatingTheHeadlineOrTheByline() {
    String text = "Storm closes ports\n\nBy Ana Silva\n\nEvery port along the coast stayed closed.";

    assertThat(LineFilter.filter(text, "Storm closes ports", "Ana Silva"))
        .isEqualTo("Every port along the coast stayed closed.");
  }
}
