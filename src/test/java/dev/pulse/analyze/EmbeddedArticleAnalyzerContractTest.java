package dev.pulse.analyze;

class EmbeddedArticleAnalyzerContractTest extends ArticleAnalyzerContract {
  @Override
  protected ArticleAnalyzer analyzer(Taxonomy taxonomy) {
    return new EmbeddedArticleAnalyzer(taxonomy, dev.pulse.embed.Embedder.shared(), 60);
  }
}
