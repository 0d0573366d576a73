package dev.pulse.pipeline;

import dev.pulse.extract.ArticleExtractor;
import dev.pulse.extract.ExtractedArticle;

/** Reads the test pages, "title|body", as English articles. */
final class TitleAndBodyExtractor implements ArticleExtractor {

  @Override
  public ExtractedArticle extract(String html, String url) {
    String[] parts = html.split("\\|", 2);
    return new ExtractedArticle(url, parts[0], null, null, null, "en", null, null, null, parts[1]);
  }

  @Override
  public String version() {
    return "test-extractor/1";
  }
}
