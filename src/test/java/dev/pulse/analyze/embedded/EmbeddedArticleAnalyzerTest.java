package dev.pulse.analyze.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.AnalysisException;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.embed.Embedder;
import dev.pulse.text.WordTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real in-process model on invented articles; the model ships inside its jar. */
class EmbeddedArticleAnalyzerTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/analyze");
  private static EmbeddedArticleAnalyzer analyzer;
  private static Map<String, ArticleText> articles;

  @BeforeAll
  static void load() throws IOException {
    analyzer =
        new EmbeddedArticleAnalyzer(
            Taxonomy.load(FIXTURES.resolve("taxonomy.yml")), Embedder.shared(), 60);
    articles = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(FIXTURES.resolve("articles.jsonl"))) {
      JsonNode n = json.readTree(line);
      articles.put(
          n.get("id").asText(),
          ArticleText.of(n.get("id").asText(), n.get("title").asText(), n.get("text").asText()));
    }
  }

  @Test
  void picksTheObviousCategory() {
    assertThat(analyzer.analyze(articles.get("sport-1")).category()).isEqualTo("Sports");
    assertThat(analyzer.analyze(articles.get("business-1")).category()).isEqualTo("Business");
    assertThat(analyzer.analyze(articles.get("tech-1")).category()).isEqualTo("Technology");
    assertThat(analyzer.analyze(articles.get("health-1")).category()).isEqualTo("Health");
  }

  @Test
  void readsTheToneOfGoodAndBadNews() {
    assertThat(analyzer.analyze(articles.get("business-1")).sentiment())
        .isEqualTo(Sentiment.POSITIVE);
    ArticleText bad =
        ArticleText.of(
            "bad",
            "Factory fire kills three workers",
            "Three workers died and dozens were injured when a fire destroyed a factory on Monday. "
                + "Police said the cause of the disaster was not yet known.");
    assertThat(analyzer.analyze(bad).sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void fillsEveryFieldAndNamesItself() {
    Analysis a = analyzer.analyze(articles.get("dateline-1"));
    assertThat(a.summary()).startsWith("Dock workers").doesNotContain("Staff Reporter");
    assertThat(WordTokens.count(a.summary())).isLessThanOrEqualTo(60);
    assertThat(a.topics()).hasSizeBetween(1, 3);
    assertThat(a.editorsNote()).isNull();
    assertThat(a.analyzer()).isEqualTo("embedded");
    assertThat(a.model()).isEqualTo(Embedder.MODEL_NAME);
    assertThat(a.version()).isEqualTo(EmbeddedArticleAnalyzer.VERSION);
    assertThat(a.usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void recordsTheLanguageItReadAnEnglishArticleIn() {
    Analysis a = analyzer.analyze(articles.get("business-1"));
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.flags()).isEmpty();
  }

  @Test
  void saysItCannotJudgeTheToneOfAGermanArticleInsteadOfGuessing() {
    ArticleText german =
        new ArticleText(
            "de-1",
            "Brand in Fabrik: drei Arbeiter tot",
            "Drei Arbeiter sind bei einem Brand in einer Fabrik am Montag ums Leben gekommen, und"
                + " Dutzende wurden verletzt. Die Polizei sagte, die Ursache der Katastrophe sei"
                + " noch nicht bekannt. Der Betrieb wurde geschlossen.",
            null,
            null,
            "de-DE");
    Analysis a = analyzer.analyze(german);
    assertThat(a.language()).isEqualTo("de");
    assertThat(a.sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(a.flags()).containsExactly(Analysis.LANGUAGE_NOT_SUPPORTED);
    assertThat(a.summary()).contains("Drei Arbeiter");
  }

  @Test
  void analyzesAHeadlineWithoutBody() {
    Analysis a = analyzer.analyze(ArticleText.of("h", "Striker signs for the champions", ""));
    assertThat(a.summary()).isEqualTo("Striker signs for the champions");
    assertThat(a.category()).isEqualTo("Sports");
  }

  @Test
  void rejectsAnArticleWithNothingToRead() {
    assertThatThrownBy(() -> analyzer.analyze(ArticleText.of("empty", null, " ")))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void givesTheSameAnswersFromManyThreads() throws Exception {
    List<ArticleText> all = new ArrayList<>(articles.values());
    List<Analysis> sequential = new ArrayList<>();
    for (ArticleText a : all) {
      sequential.add(analyzer.analyze(a));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Analysis>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (ArticleText a : all) {
          futures.add(pool.submit(() -> analyzer.analyze(a)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        Analysis expected = sequential.get(i % all.size());
        Analysis actual = futures.get(i).get();
        assertThat(actual.summary()).isEqualTo(expected.summary());
        assertThat(actual.category()).isEqualTo(expected.category());
        assertThat(actual.sentiment()).isEqualTo(expected.sentiment());
        assertThat(actual.topics()).isEqualTo(expected.topics());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
