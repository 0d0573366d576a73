package dev.pulse.analyze;

import dev.pulse.analyze.llm.OpenAiFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ArticleAnalyzer} promises, whatever its technique. An implementation's test
 * extends this and says how to make one for a taxonomy.
 */
public abstract class ArticleAnalyzerContract {

  /** A ready analyzer choosing from {@code taxonomy}. */
  protected abstract ArticleAnalyzer analyzer(Taxonomy taxonomy);

  protected Taxonomy taxonomy() {
    return OpenAiFixtures.TAXONOMY;
  }

  @Test
  void answersWithinTheTaxonomyAndTheShapeOfAnAnalysis() {
    try (ArticleAnalyzer a = analyzer(taxonomy())) {
      Analysis r = a.analyze(OpenAiFixtures.article());

      assertThat(taxonomy().find(r.category())).isPresent();
      assertThat(r.category()).isIn(taxonomy().names());
      assertThat(r.summary()).isNotBlank();
      assertThat(r.sentiment()).isNotNull();
      assertThat(r.topics()).hasSizeLessThanOrEqualTo(3);
      assertThat(r.analyzer()).isEqualTo(a.name());
      assertThat(r.model()).isEqualTo(a.model());
      assertThat(r.version()).isEqualTo(a.version());
    }
  }

  @Test
  void namesModelAndVersionAreStableAcrossInstances() {
    try (ArticleAnalyzer a = analyzer(taxonomy());
        ArticleAnalyzer b = analyzer(taxonomy())) {
      assertThat(a.name()).isNotBlank().isEqualTo(b.name());
      assertThat(a.model()).isNotBlank().isEqualTo(b.model());
      assertThat(a.version()).isNotBlank().isEqualTo(b.version());
    }
  }

  @Test
  void canBeCalledFromSeveralThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (ArticleAnalyzer a = analyzer(taxonomy())) {
      List<Future<Analysis>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> a.analyze(OpenAiFixtures.article())));
      }
      for (Future<Analysis> f : results) {
        assertThat(taxonomy().find(f.get().category())).isPresent();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
