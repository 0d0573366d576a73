package dev.pulse.analyze.embedded;

import dev.pulse.analyze.ArticleAnalyzerContract;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.ArticleAnalyzer;

class EmbeddedArticleAnalyzerContractTest extends ArticleAnalyzerContract {
  @Override
  protected ArticleAnalyzer analyzer(Taxonomy taxonomy) {
    return new EmbeddedArticleAnalyzer(taxonomy, dev.pulse.embed.Embedder.shared(), 60);
  }
}
